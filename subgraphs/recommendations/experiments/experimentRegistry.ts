import type { Logger } from '../../../platform/logger';
import type { PubSub } from '../../../platform/pubsub/pubsub';
import type { ExperimentRepository } from '../data/experimentRepository';
import type { ExperimentDefinition, Placement } from './experimentDefinition';

/** Every replica reloads its experiments when a message arrives here (Redis: all at once). */
export const EXPERIMENTS_CHANGED_CHANNEL = 'recs:experiments:changed';

/**
 * The experiments one replica knows, in memory: serving asks which one runs on
 * a placement without touching the database. Reloaded on a timer and at once
 * when any replica changes one (pub/sub), so a start or stop reaches every
 * replica within the refresh interval even if the message is lost.
 */
export class ExperimentRegistry {
  private byPlacement = new Map<Placement, ExperimentDefinition>();
  private byRef = new Map<string, ExperimentDefinition>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: Promise<(() => Promise<void>) | undefined> = Promise.resolve(undefined);
  private loading: Promise<void> | undefined;

  constructor(
    private readonly repository: ExperimentRepository,
    private readonly pubsub: PubSub,
    private readonly logger: Logger,
    private readonly refreshMs: number,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = this.pubsub.subscribe(EXPERIMENTS_CHANGED_CHANNEL, () => this.refresh().catch(() => undefined)).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'experiment changes not subscribed; each replica reloads them on its timer');
      return undefined;
    });
    // A database that is down at start leaves no experiment running here until it answers.
    await this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'experiments not loaded yet; retried on the timer'));
    this.timer = setInterval(() => this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'experiments not reloaded')), this.refreshMs);
    this.timer.unref();
  }

  /** The experiment running on a placement, if any. */
  running(placement: Placement): ExperimentDefinition | undefined {
    return this.byPlacement.get(placement);
  }

  /** Every experiment that is running now. */
  allRunning(): ExperimentDefinition[] {
    return [...this.byPlacement.values()];
  }

  /** Any experiment by its ref, stopped ones too (outcomes arrive after a stop). */
  async byReference(ref: string): Promise<ExperimentDefinition | undefined> {
    if (!this.byRef.has(ref)) await this.refresh();
    return this.byRef.get(ref);
  }

  /** After a change on this replica: reload here at once and tell the others. */
  async changed(): Promise<void> {
    await this.refresh();
    await this.pubsub.publish(EXPERIMENTS_CHANGED_CHANNEL, { at: Date.now() }).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'experiment change not announced; other replicas see it on their timer');
    });
  }

  refresh(): Promise<void> {
    // One load at a time; callers arriving during one share it.
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const all = await this.repository.list();
    const byPlacement = new Map<Placement, ExperimentDefinition>();
    for (const experiment of all) if (experiment.status === 'RUNNING') byPlacement.set(experiment.placement, experiment);
    this.byPlacement = byPlacement;
    this.byRef = new Map(all.map((e) => [e.ref, e]));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await (await this.unsubscribe)?.();
    await this.loading?.catch(() => undefined);
  }
}
