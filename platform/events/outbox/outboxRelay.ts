import type { PrismaClient } from '../../database/database';
import { inBackground } from '../../database/backgroundWork';
import type { Logger } from '../../logger';
import type { EventBus } from '../eventBus';
import { Streams } from '../topics';
import type { OutboxSchema } from './outboxEvent';
import type { OutboxSettings } from './outboxSettings';
import { onOutboxNotify } from './outboxSignal';
import { retryDelayMs } from './retryBackoff';

interface OutboxRow {
  id: string;
  stream: keyof typeof Streams;
  type: string;
  payload: unknown;
  occurred_at: Date;
}

/** What one pass did: rows published, and whether it stopped on a bus failure or another relay's turn. */
export interface RelayPass {
  published: number;
  failed: boolean;
  /** Another relay held this outbox: it is publishing, this one stands by. */
  busy: boolean;
}

// One advisory lock per outbox, so that of several replicas one publishes at
// a time (in `seq` order, which keeps every aggregate's events in order) and
// the others stand by; it is a transaction lock, released by commit, rollback
// or the holder's death.
const LOCK_KEYS: Record<OutboxSchema, number> = { catalog: 72_707_401, shoppers: 72_707_402 };
// The connection's bus namespace (set by platform/database/database.ts; '' embedded), as the column default writes it.
const NAMESPACE = "COALESCE(current_setting('smartcart.outbox_namespace', true), '')";
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Publishes a schema's outbox to the bus: unsent rows in commit order, marked
 * sent in the transaction that read them. A crash between publish and commit
 * publishes those rows again (at-least-once; consumers dedupe by `eventId`).
 * While the bus is down the relay retries with capped backoff; it never
 * drops or skips a row.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private woken = false;
  private stopListening?: () => void;
  private lastPruneAt = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly schema: OutboxSchema,
    private readonly bus: EventBus,
    private readonly settings: OutboxSettings,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopListening = onOutboxNotify(this.schema, () => this.poke());
    // Its statements are the service's own work, not any request's.
    this.loop = inBackground(`outbox relay (${this.schema})`, () => this.run());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopListening?.();
    this.poke();
    await this.loop;
  }

  /**
   * Publishes until the outbox is empty, the bus fails or another relay
   * holds the outbox. Safe to call beside a running loop (it takes the lock too).
   */
  drain(): Promise<RelayPass> {
    return this.publishUntil(() => false);
  }

  private async publishUntil(stopped: () => boolean): Promise<RelayPass> {
    let published = 0;
    for (;;) {
      const pass = await this.publishBatch();
      published += pass.published;
      if (pass.failed || pass.busy || pass.published < this.settings.batchSize || stopped()) return { ...pass, published };
    }
  }

  /** Deletes rows sent before `now` minus the retention; unsent rows are never touched. Returns how many went. */
  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.settings.retentionMs);
    return this.prisma.$executeRawUnsafe(
      `DELETE FROM "${this.schema}"."outbox_event" WHERE namespace = ${NAMESPACE} AND sent_at IS NOT NULL AND sent_at < $1::timestamptz`,
      cutoff.toISOString(),
    );
  }

  /** Rows not yet published, and when the oldest of them was written. */
  async backlog(): Promise<{ unsent: number; oldest: Date | null }> {
    const [row] = await this.prisma.$queryRawUnsafe<{ unsent: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS unsent, min(occurred_at) AS oldest FROM "${this.schema}"."outbox_event" WHERE namespace = ${NAMESPACE} AND sent_at IS NULL`,
    );
    return row ?? { unsent: 0, oldest: null };
  }

  private poke(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let delay = this.settings.pollIntervalMs;
      try {
        // Stopping ends the pass after the batch in hand: what is left stays for the next start.
        const pass = await this.publishUntil(() => !this.running);
        if (pass.failed) {
          failures += 1;
          delay = retryDelayMs(failures, this.settings.retryMaxMs);
        } else failures = 0;
        await this.pruneNowAndThen();
      } catch (error) {
        // The database is unreachable or the transaction failed: nothing was marked sent.
        failures += 1;
        delay = retryDelayMs(failures, this.settings.retryMaxMs);
        if (this.running) this.logger.warn({ err: error, outbox: this.schema, retryInMs: delay }, 'outbox relay pass failed; retrying');
      }
      await this.sleep(delay, failures === 0);
    }
  }

  /** Waits `ms`; a local commit ends the wait early unless the relay is backing off from a failure. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (wakeable && this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        if (wakeable || !this.running) done();
      };
    });
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPruneAt < Math.min(PRUNE_EVERY_MS, this.settings.retentionMs)) return;
    this.lastPruneAt = now;
    const pruned = await this.prune(new Date(now));
    if (pruned > 0) this.logger.debug({ outbox: this.schema, pruned }, 'sent outbox rows pruned');
  }

  private publishBatch(): Promise<RelayPass> {
    const table = `"${this.schema}"."outbox_event"`;
    return this.prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
          `SELECT pg_try_advisory_xact_lock($1::int, hashtext(${NAMESPACE})) AS locked`,
          LOCK_KEYS[this.schema],
        );
        if (!lock?.locked) return { published: 0, failed: false, busy: true };
        // SKIP LOCKED as well: rows still being written by a transaction that
        // holds them are left for the next pass rather than waited for.
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `SELECT id::text, stream, type, payload, occurred_at FROM ${table}
           WHERE namespace = ${NAMESPACE} AND sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
          this.settings.batchSize,
        );
        const sent: string[] = [];
        let failure: { id: string; error: unknown } | undefined;
        for (const row of rows) {
          try {
            await this.bus.publish(Streams[row.stream], row.type, row.payload, {
              eventId: row.id,
              occurredAt: new Date(row.occurred_at).toISOString(),
            });
            sent.push(row.id);
          } catch (error) {
            // Stop at the first failure: publishing later rows first would break their order.
            failure = { id: row.id, error };
            break;
          }
        }
        if (sent.length > 0) {
          await tx.$executeRawUnsafe(
            `UPDATE ${table} SET sent_at = now() WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
            JSON.stringify(sent),
          );
        }
        if (failure) {
          await tx.$executeRawUnsafe(`UPDATE ${table} SET attempts = attempts + 1 WHERE id = $1::uuid`, failure.id);
          this.logger.warn({ err: failure.error, outbox: this.schema, eventId: failure.id }, 'outbox event not published yet; the relay retries');
        }
        return { published: sent.length, failed: failure !== undefined, busy: false };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  }
}
