import crypto from 'node:crypto';
import type { PrismaClient } from '../../../platform/database/database';
import { conflict, notFound } from '../../../platform/errors';
import { Prisma, type Experiment } from '../../../prisma/generated/client/client';
import type { CreateExperimentInput, ExperimentDefinition, ExperimentStatus, Placement, VariantDefinition } from '../experiments/experimentDefinition';
import { EXPERIMENT_REF_LENGTH } from '../experiments/experimentRecommendationIds';
import type { VariantTotals } from '../experiments/experimentReport';

export interface NewImpression {
  id: string;
  experimentId: string;
  variant: string;
  shopperId: string;
  recommendationIds: string[];
  servedAt: Date;
}

export interface NewOutcome {
  eventId: string;
  experimentId: string;
  variant: string;
  shopperId: string;
  type: 'CLICK' | 'ADD_TO_CART' | 'PURCHASE';
  recommendationId: string;
  /** Currency units, 2 decimals. */
  revenue: string;
  occurredAt: Date;
}

const REF_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function newRef(): string {
  const bytes = crypto.randomBytes(EXPERIMENT_REF_LENGTH);
  return Array.from(bytes, (b) => REF_ALPHABET[b % REF_ALPHABET.length]).join('');
}

function toDefinition(row: Experiment): ExperimentDefinition {
  return {
    id: row.id,
    ref: row.ref,
    name: row.name,
    placement: row.placement as Placement,
    status: row.status as ExperimentStatus,
    alpha: row.alpha,
    variants: row.variants as unknown as VariantDefinition[],
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    stoppedAt: row.stoppedAt,
  };
}

/** recs.experiment*: definitions, the batched impressions and the attributed outcomes. */
export class ExperimentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(input: CreateExperimentInput): Promise<ExperimentDefinition> {
    const variants: VariantDefinition[] = input.variants.map((v) => ({
      key: v.key,
      weight: v.weight,
      strategy: v.strategy,
      maxCategoryShare: v.maxCategoryShare,
      pairShrinkage: v.pairShrinkage,
      filter: v.filter,
    }));
    for (let attempt = 0; ; attempt++) {
      try {
        const created = await this.prisma.experiment.create({
          data: { ref: newRef(), name: input.name, placement: input.placement, status: 'DRAFT', alpha: input.alpha, variants: variants as unknown as Prisma.InputJsonValue },
        });
        return input.start ? this.start(created.id) : toDefinition(created);
      } catch (error) {
        // A clash of the random 10-character ref (36^10): draw another.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && attempt < 3) continue;
        throw error;
      }
    }
  }

  /**
   * DRAFT → RUNNING. One running experiment per placement: two at once would
   * split the same traffic twice and each would measure the other's effect.
   */
  async start(id: string): Promise<ExperimentDefinition> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ placement: string; status: string }[]>`SELECT placement, status FROM "recs"."experiment" WHERE id = ${id}::uuid FOR UPDATE`;
      if (!row) throw notFound('Experiment', id);
      if (row.status === 'RUNNING') return toDefinition(await tx.experiment.findUniqueOrThrow({ where: { id } }));
      if (row.status === 'STOPPED') throw conflict('A stopped experiment cannot be started again: create a new one');
      // Serialises starts on one placement (the row locks above are per experiment).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`experiment:${row.placement}`}))`;
      const running = await tx.experiment.findFirst({ where: { placement: row.placement, status: 'RUNNING' }, select: { id: true, name: true } });
      if (running) throw conflict(`Experiment "${running.name}" (${running.id}) is already running on ${row.placement}; stop it first`);
      return toDefinition(await tx.experiment.update({ where: { id }, data: { status: 'RUNNING', startedAt: new Date() } }));
    });
  }

  /** RUNNING or DRAFT → STOPPED; its report stays readable. */
  async stop(id: string): Promise<ExperimentDefinition> {
    const existing = await this.prisma.experiment.findUnique({ where: { id } });
    if (!existing) throw notFound('Experiment', id);
    if (existing.status === 'STOPPED') return toDefinition(existing);
    return toDefinition(await this.prisma.experiment.update({ where: { id }, data: { status: 'STOPPED', stoppedAt: new Date() } }));
  }

  async get(id: string): Promise<ExperimentDefinition | null> {
    const row = await this.prisma.experiment.findUnique({ where: { id } });
    return row ? toDefinition(row) : null;
  }

  async list(status?: ExperimentStatus | null): Promise<ExperimentDefinition[]> {
    const rows = await this.prisma.experiment.findMany({ where: status ? { status } : {}, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
    return rows.map(toDefinition);
  }

  async insertImpressions(rows: readonly NewImpression[]): Promise<void> {
    if (rows.length > 0) await this.prisma.experimentImpression.createMany({ data: [...rows], skipDuplicates: true });
  }

  /** Idempotent by event id: a re-delivered interaction is recorded once. */
  async insertOutcomes(rows: readonly NewOutcome[]): Promise<void> {
    if (rows.length > 0) await this.prisma.experimentOutcome.createMany({ data: [...rows], skipDuplicates: true });
  }

  /**
   * Per-variant totals over impressions. Each outcome is attributed to the
   * latest impression of its experiment and variant served to the same
   * shopper that held its recommendation id, up to `windowHours` before it
   * (a minute of clock skew between the services is allowed). An impression
   * counts as clicked (added to cart, converted) when at least one outcome of
   * that kind is attributed to it; its revenue is the sum of its purchases.
   */
  async totals(experiment: Pick<ExperimentDefinition, 'id' | 'variants'>, windowHours: number): Promise<VariantTotals[]> {
    const rows = await this.prisma.$queryRaw<
      { variant: string; impressions: number; shoppers: number; clicked: number; added: number; purchased: number; revenue: number; revenue_squares: number }[]
    >`
      WITH attributed AS (
        SELECT DISTINCT ON (o.event_id) o.event_id, o.type, o.revenue, i.id AS impression_id
        FROM "recs"."experiment_outcome" o
        JOIN "recs"."experiment_impression" i
          ON i.experiment_id = o.experiment_id AND i.shopper_id = o.shopper_id AND i.variant = o.variant
         AND o.recommendation_id = ANY (i.recommendation_ids)
         AND i.served_at <= o.occurred_at + interval '1 minute'
         AND i.served_at > o.occurred_at - make_interval(hours => ${windowHours}::int)
        WHERE o.experiment_id = ${experiment.id}::uuid
        ORDER BY o.event_id, i.served_at DESC, i.id
      ), per_impression AS (
        SELECT i.variant, i.shopper_id,
               coalesce(bool_or(a.type = 'CLICK'), false) AS clicked,
               coalesce(bool_or(a.type = 'ADD_TO_CART'), false) AS added,
               coalesce(bool_or(a.type = 'PURCHASE'), false) AS purchased,
               coalesce(sum(a.revenue) FILTER (WHERE a.type = 'PURCHASE'), 0) AS revenue
        FROM "recs"."experiment_impression" i
        LEFT JOIN attributed a ON a.impression_id = i.id
        WHERE i.experiment_id = ${experiment.id}::uuid
        GROUP BY i.id, i.variant, i.shopper_id
      )
      SELECT variant,
             count(*)::int AS impressions,
             count(DISTINCT shopper_id)::int AS shoppers,
             count(*) FILTER (WHERE clicked)::int AS clicked,
             count(*) FILTER (WHERE added)::int AS added,
             count(*) FILTER (WHERE purchased)::int AS purchased,
             sum(revenue)::float8 AS revenue,
             sum(revenue * revenue)::float8 AS revenue_squares
      FROM per_impression
      GROUP BY variant`;
    const byVariant = new Map(rows.map((r) => [r.variant, r]));
    // Every variant, in definition order (the control first), with zeros before it has traffic.
    return experiment.variants.map(({ key }) => {
      const r = byVariant.get(key);
      return {
        key,
        impressions: r?.impressions ?? 0,
        shoppers: r?.shoppers ?? 0,
        clicked: r?.clicked ?? 0,
        addedToCart: r?.added ?? 0,
        purchased: r?.purchased ?? 0,
        revenue: r?.revenue ?? 0,
        revenueSquares: r?.revenue_squares ?? 0,
      };
    });
  }
}
