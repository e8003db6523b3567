import type { Database } from '../../../platform/database/database';
import type { BusEvent, EventBus, Subscription } from '../../../platform/events/eventBus';
import { Streams, type CatalogEvents, type InteractionEventPayload, type ProductSnapshot } from '../../../platform/events/topics';
import type { Logger } from '../../../platform/logger';
import { serviceMetrics, SLOW_BUCKETS } from '../../../platform/observability/metrics';
import { CatalogProjectionRepository } from '../data/catalogProjectionRepository';
import { InteractionRepository } from '../data/interactionRepository';
import { ModelSnapshotRepository } from '../data/modelSnapshotRepository';
import { compareStreamIds, STREAM_START, streamIdBefore, streamIdTime } from '../../../platform/events/streamIds';
import { defaultEngineOptions, RecommendationEngine, type EngineOptions, type EngineSnapshot } from '../engine/recommendationEngine';
import type { BasketFitter } from './basketFitter';
import { BasketRefitter, REFIT_OFF, type RefitPolicy, type RefitStatus } from './basketRefitter';
import { WorkerBasketFitter } from './workerBasketFitter';

export interface EngineHostOptions {
  db: Database;
  events: EventBus;
  /** Consumes and follows through the service's EventConsumers (readiness, metrics, logs); the bus itself without. */
  consumers?: Pick<EventBus, 'consume' | 'follow'>;
  logger: Logger;
  /** Names this replica among the members of the shared consumer groups. */
  instanceId: string;
  /** How often the basket model is refitted and the snapshot saved; 0 turns the schedule off. */
  trainIntervalMs: number;
  /** When the basket model is refitted in between, in the background (off when not given). */
  refitPolicy?: RefitPolicy;
  /** Where fits run: a worker thread unless given (the benchmark compares the event loop). */
  fitter?: BasketFitter;
  /**
   * A member of a shared group that has read nothing for this long and holds
   * nothing pending is a replica that is gone: any live replica removes it
   * (and the per-replica groups of earlier versions, once idle as long).
   */
  staleConsumerMs?: number;
  engineOptions?: EngineOptions;
}

export interface RebuildStats {
  interactions: number;
  products: number;
  millis: number;
  snapshotBytes: number;
}

/** What this replica's engine knows and how fresh it is (the recommendationHealth query). */
export interface EngineHealth {
  loadedFrom: StartStats['source'] | null;
  /** When this replica's engine was loaded; null while loading. */
  loadedAt: Date | null;
  /** When the basket model this replica serves was fitted (a restored fit: when its snapshot was saved). */
  basketModelFittedAt: Date | null;
  interactionsLearned: number;
  /** The newest interaction learned; null before the first. */
  lastInteractionAt: Date | null;
  products: number;
  shoppers: number;
}

/** How the engine was loaded at start, for logs and the start-up benchmark. */
export interface StartStats {
  source: 'snapshot+stream' | 'snapshot+database' | 'rebuild';
  /** Interactions learned on top of the snapshot (stream or database), before serving. */
  caughtUp: number;
  millis: number;
  /** Where the start went, in ms: reading the snapshot, restoring the engine, the catalog, the catch-up. */
  phases: { snapshotRead: number; restore: number; catalog: number; catchUp: number };
}

const PRODUCT_EVENTS = new Set<string>(['product.created', 'product.updated', 'product.archived', 'product.price_changed', 'product.stock_changed']);

/**
 * The shared groups: each event is stored once, by whichever replica reads it.
 * Learning needs no group: every replica follows the streams itself.
 */
export const PersistenceGroups = { interactions: 'recs-store-interactions', catalog: 'recs-store-catalog' } as const;
/** Per-replica groups of earlier versions (one per instance, never cleaned up then). */
const LEGACY_GROUP = /^recs-(learn|catalog)-/;
/**
 * After a database catch-up, the stream is replayed from this far back:
 * what was published but not yet stored by the persistence group (re-seen
 * events are recognised by id and skipped).
 */
const CATCH_UP_MARGIN_MS = 60_000;

/** The basket model's freshness and its refits, for health reports. */
export interface BasketModelStatus extends RefitStatus {
  fittedAt: string | null;
  ageSeconds: number | null;
  purchasesSinceFit: number;
  coreSize: number;
}

/** How often the refit policy is checked for the staleness bound (purchases check it as they arrive). */
const REFIT_CHECK_MS = 1000;

/**
 * Owns the live engine of one replica: loads it (the latest snapshot plus what
 * came after it, else a rebuild from stored interactions), keeps it learning
 * by following the catalog and interaction streams, refits and saves it on a
 * schedule. Storing events (recs.interaction, the catalog projection) is done
 * once per event by the shared persistence groups, not by every replica.
 */
export class EngineHost {
  private current: RecommendationEngine;
  private readonly interactions: InteractionRepository;
  private readonly catalog: CatalogProjectionRepository;
  private readonly snapshots: ModelSnapshotRepository;
  private subscriptions: Subscription[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(scopes: readonly string[]) => void>();
  /** The last interaction-stream entry the engine has learned; null until known. */
  private position: string | null = null;
  private readonly positionWaiters = new Set<{ target: string; resolve: () => void }>();
  private readonly staleConsumerMs: number;
  startStats: StartStats | undefined;
  private loadedAt: Date | null = null;
  private readonly metrics = engineMetrics();
  private stopReporting: (() => void) | undefined;
  private readonly fitter: BasketFitter;
  private readonly refitter: BasketRefitter;

  constructor(private readonly options: EngineHostOptions) {
    this.current = new RecommendationEngine(this.engineOptions);
    this.fitter = options.fitter ?? new WorkerBasketFitter();
    this.refitter = new BasketRefitter({
      engine: () => this.current,
      fitter: this.fitter,
      policy: options.refitPolicy ?? REFIT_OFF,
      logger: options.logger,
      now: () => this.engineOptions.now(),
      onInstalled: () => this.notify(),
    });
    this.interactions = new InteractionRepository(options.db.prisma);
    this.catalog = new CatalogProjectionRepository(options.db.prisma);
    this.snapshots = new ModelSnapshotRepository(options.db.prisma);
    this.staleConsumerMs = options.staleConsumerMs ?? 3_600_000;
  }

  get engine(): RecommendationEngine {
    return this.current;
  }

  /** The last interaction-stream entry learned (what a snapshot taken now includes). */
  get streamPosition(): string | null {
    return this.position;
  }

  /**
   * Called after anything that can change an answer, with the scopes it
   * changed (engine/scopes.ts; empty when unknown: a whole new engine).
   */
  onChange(listener: (scopes: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    const started = Date.now();
    const { instanceId, events, logger } = this.options;
    // Read before the projection is: a product changed in between is applied
    // again, which is harmless (each event carries the whole product). When no
    // replica has stored the catalog stream yet (its persistence group does not
    // exist: a new system, or the embedded bus of a new process), what is on
    // the stream is not in the projection either (the demo seed, an import
    // before the first start), so it is learned from the start of the stream.
    const catalogStored = (await events.groups(Streams.catalog)).some((group) => group.name === PersistenceGroups.catalog);
    const catalogFrom = catalogStored ? ((await events.bounds(Streams.catalog)).last ?? STREAM_START) : STREAM_START;
    let mark = Date.now();
    const phases: StartStats['phases'] = { snapshotRead: 0, restore: 0, catalog: 0, catchUp: 0 };
    const lap = (phase: keyof StartStats['phases']) => {
      const now = Date.now();
      phases[phase] += now - mark;
      mark = now;
    };
    // The projection is read while the snapshot is decoded (off the main
    // thread) and restored; a rebuild reads it again, being long anyway.
    const snapshotRead = this.snapshots.load((problem) => logger.warn({ problem }, 'model snapshot not usable, rebuilding from stored interactions'));
    const catalogRead = this.readCatalog();
    // Awaited below on the snapshot path only; a failure there still surfaces.
    catalogRead.catch(() => undefined);
    // An older or damaged snapshot is ignored: the rebuild below replaces it.
    const snapshot = await snapshotRead;
    lap('snapshotRead');
    let learnFrom: string;
    let caughtUp = 0;
    let source: StartStats['source'];
    if (snapshot) {
      this.current = RecommendationEngine.fromSnapshot(snapshot, this.engineOptions);
      lap('restore');
      this.applyCatalog(this.current, await catalogRead);
      lap('catalog');
      const position = snapshot.streamPosition ?? null;
      if (position && (await events.contains(Streams.interactions, position))) {
        // Everything after the snapshot is still on the stream: follow it from there.
        learnFrom = position;
        source = 'snapshot+stream';
      } else {
        // Trimmed, flushed or another bus (embedded restart): what came after
        // the snapshot is read back from the stored interactions instead.
        const streamMark = await this.streamMark();
        // The replayed margin holds events the snapshot has already counted.
        this.replayed = { until: (await events.bounds(Streams.interactions)).last ?? STREAM_START, countedUpTo: snapshot.lastEventAt };
        for await (const page of this.interactions.all(new Date(snapshot.lastEventAt))) {
          for (const interaction of page) this.current.ingest(interaction);
          caughtUp += page.length;
        }
        if (caughtUp > 0) await this.refitter.refitNow('start');
        learnFrom = streamMark;
        source = 'snapshot+database';
      }
    } else {
      const streamMark = await this.streamMark();
      const stats = await this.rebuild();
      logger.info(stats, 'recommendation model built from stored interactions');
      lap('restore');
      learnFrom = streamMark;
      source = 'rebuild';
    }
    this.position = learnFrom === STREAM_START ? null : learnFrom;
    this.current.trackChanges();
    const onError = (error: unknown, event: BusEvent) => logger.error({ err: error, eventId: event.id, type: event.type }, 'event handling failed');
    const consumer = { consumer: instanceId, onError };
    const target = (await events.bounds(Streams.interactions)).last;
    const before = this.caughtUpCount;
    const via = this.options.consumers ?? events;
    this.subscriptions = [
      await via.consume(Streams.interactions, PersistenceGroups.interactions, (event) => this.storeInteraction(event), consumer),
      await via.consume(Streams.catalog, PersistenceGroups.catalog, (event) => this.storeCatalog(event), consumer),
      await via.follow(Streams.catalog, (event) => this.learnCatalog(event), { after: catalogFrom, onError }),
      await via.follow(Streams.interactions, (event) => this.learnInteraction(event), { after: learnFrom, onError }),
    ];
    // Serve once the stream has been learned up to where it was at start.
    if (target && compareStreamIds(target, learnFrom) > 0) await this.reached(target);
    caughtUp += this.caughtUpCount - before;
    lap('catchUp');
    this.startStats = { source, caughtUp, millis: Date.now() - started, phases };
    this.loadedAt = new Date();
    this.metrics.load.observe({ source }, this.startStats.millis / 1000);
    this.stopReporting = this.metrics.reportSize(() => this.current, () => this.basketModelStatus());
    logger.info({ ...this.startStats, position: this.position }, 'recommendation model loaded');
    this.refitter.start(REFIT_CHECK_MS);
    if (this.options.trainIntervalMs > 0) {
      this.timer = setInterval(() => {
        this.train().catch((error: unknown) => logger.error({ err: error }, 'scheduled training failed'));
      }, this.options.trainIntervalMs);
      this.timer.unref();
    }
    const sweepEvery = Math.min(300_000, Math.max(1000, this.staleConsumerMs / 2));
    this.sweeper = setInterval(() => {
      this.sweepGroups().catch((error: unknown) => logger.warn({ err: error }, 'consumer group clean-up failed'));
    }, sweepEvery);
    this.sweeper.unref();
    await this.sweepGroups().catch((error: unknown) => logger.warn({ err: error }, 'consumer group clean-up failed'));
  }

  /** Stops learning; on a clean stop this replica leaves the shared groups it holds nothing in. */
  async stop(): Promise<void> {
    this.stopReporting?.();
    await this.refitter.stop();
    if (!this.options.fitter) await this.fitter.close();
    if (this.timer) clearInterval(this.timer);
    if (this.sweeper) clearInterval(this.sweeper);
    const hadSubscriptions = this.subscriptions.length > 0;
    await Promise.all(this.subscriptions.map((s) => s.stop()));
    this.subscriptions = [];
    for (const waiter of this.positionWaiters) waiter.resolve();
    this.positionWaiters.clear();
    if (!hadSubscriptions) return;
    try {
      await this.leaveGroups();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not leave the shared consumer groups; a live replica will remove this one later');
    }
  }

  /**
   * Removes members of the shared groups that are gone (idle, nothing
   * pending; what they held was claimed by live members first) and the
   * per-replica groups of earlier versions. Returns what it removed.
   */
  async sweepGroups(): Promise<{ groups: string[]; consumers: string[] }> {
    const removed = { groups: [] as string[], consumers: [] as string[] };
    const shared = new Set<string>(Object.values(PersistenceGroups));
    for (const stream of [Streams.interactions, Streams.catalog]) {
      for (const group of await this.options.events.groups(stream)) {
        if (LEGACY_GROUP.test(group.name)) {
          if (group.consumers.every((c) => c.idleMs >= this.staleConsumerMs)) {
            await this.options.events.removeGroup(stream, group.name);
            removed.groups.push(`${stream}/${group.name}`);
          }
        } else if (shared.has(group.name)) {
          for (const member of group.consumers) {
            if (member.name === this.options.instanceId || member.pending > 0 || member.idleMs < this.staleConsumerMs) continue;
            await this.options.events.removeConsumer(stream, group.name, member.name);
            removed.consumers.push(`${stream}/${group.name}/${member.name}`);
          }
        }
      }
    }
    if (removed.groups.length + removed.consumers.length > 0) this.options.logger.info(removed, 'removed consumer groups and members of gone replicas');
    return removed;
  }

  /** Resolves once this replica has learned every interaction the stream held when it was called. */
  async caughtUp(): Promise<void> {
    const { last } = await this.options.events.bounds(Streams.interactions);
    if (last) await this.reached(last);
  }

  /**
   * Refits the basket model (in the fitter's thread) and saves a snapshot of
   * the counts it was fitted on, with the model, so a new replica restores it
   * without fitting. Returns the snapshot's size (0: the engine was replaced
   * while it fitted, nothing saved).
   */
  async train(): Promise<number> {
    const stop = this.metrics.build.startTimer({ kind: 'refit' });
    // Packed when the counts are taken, so snapshot and fit hold the same counts;
    // the position is what lets a new replica follow the stream from there.
    const result = await this.refitter.refitNow('scheduled', { atCut: (): EngineSnapshot => ({ ...this.current.toSnapshot(), streamPosition: this.position }) });
    stop();
    if (!result.installed || !result.fitted) return 0;
    return this.snapshots.save({ ...result.cut, basketModel: result.fitted });
  }

  /** The basket model's age, the purchases it has not been fitted on, and its refits. */
  basketModelStatus(): BasketModelStatus {
    const freshness = this.current.basketModelFreshness;
    const fitted = freshness.fittedAt > 0;
    return {
      ...this.refitter.status,
      fittedAt: fitted ? new Date(freshness.fittedAt).toISOString() : null,
      ageSeconds: fitted ? Math.max(0, (this.engineOptions.now() - freshness.fittedAt) / 1000) : null,
      purchasesSinceFit: freshness.purchasesSinceFit,
      coreSize: freshness.coreSize,
    };
  }

  /** Recomputes every model from the stored interactions, then swaps it in. */
  async rebuild(): Promise<RebuildStats> {
    const started = Date.now();
    const engine = new RecommendationEngine(this.engineOptions);
    const products = await this.loadCatalog(engine);
    let interactions = 0;
    for await (const page of this.interactions.all()) {
      for (const interaction of page) engine.ingest(interaction);
      interactions += page.length;
    }
    await this.refitter.refitNow('rebuild', { engine });
    this.metrics.build.observe({ kind: 'rebuild' }, (Date.now() - started) / 1000);
    if (this.subscriptions.length > 0) engine.trackChanges();
    this.current = engine;
    this.notify();
    // No stream position: which stream entries the stored rows cover is not
    // known exactly, so a replica loading this snapshot catches up from the
    // database (by time) rather than from the stream.
    const snapshotBytes = await this.snapshots.save({ ...engine.toSnapshot(), streamPosition: null });
    return { interactions, products, millis: Date.now() - started, snapshotBytes };
  }

  /** Applies catalog snapshots to the projection and the engine (also used to backfill). */
  async applyProducts(snapshots: ProductSnapshot[]): Promise<void> {
    await this.catalog.upsertProducts(snapshots);
    for (const snapshot of snapshots) this.current.applyProduct(snapshot);
    this.notify();
  }

  health(): EngineHealth {
    const engine = this.current;
    return {
      loadedFrom: this.startStats?.source ?? null,
      loadedAt: this.loadedAt,
      basketModelFittedAt: ((fittedAt) => (fittedAt ? new Date(fittedAt) : null))(this.basketModelStatus().fittedAt),
      interactionsLearned: engine.interactionCount,
      lastInteractionAt: engine.lastEventTime > 0 ? new Date(engine.lastEventTime) : null,
      products: engine.items.size,
      shoppers: engine.shopperCount,
    };
  }

  /** When the saved model snapshot was built; null before the first save. */
  modelSavedAt(): Promise<Date | null> {
    return this.snapshots.builtAt();
  }

  async projectedProducts(): Promise<number> {
    return this.catalog.count();
  }

  private async loadCatalog(engine: RecommendationEngine): Promise<number> {
    return this.applyCatalog(engine, await this.readCatalog());
  }

  private async readCatalog(): Promise<{ products: ProductSnapshot[]; stores: { storeId: string; latitude: number; longitude: number }[] }> {
    const [products, stores] = await Promise.all([this.catalog.loadProducts(), this.catalog.loadStores()]);
    return { products, stores };
  }

  private applyCatalog(engine: RecommendationEngine, catalog: Awaited<ReturnType<EngineHost['readCatalog']>>): number {
    // At once: every content-neighbour list computed once, not updated product by product.
    engine.loadCatalog(catalog.products);
    for (const store of catalog.stores) engine.applyStore(store.storeId, store);
    return catalog.products.length;
  }

  /** Persistence group: the projection, once per event across replicas. */
  private async storeCatalog(event: BusEvent): Promise<void> {
    if (PRODUCT_EVENTS.has(event.type)) {
      await this.catalog.upsertProducts([event.payload as ProductSnapshot]);
    } else if (event.type === 'store.changed') {
      const store = event.payload as CatalogEvents['store.changed'];
      await this.catalog.setStore(store.storeId, store.deleted ? null : { latitude: store.latitude, longitude: store.longitude });
    }
  }

  /** Follower: this replica's engine. */
  private async learnCatalog(event: BusEvent): Promise<void> {
    if (PRODUCT_EVENTS.has(event.type)) {
      this.current.applyProduct(event.payload as ProductSnapshot);
      this.notify();
    } else if (event.type === 'store.changed') {
      const store = event.payload as CatalogEvents['store.changed'];
      const point = store.deleted ? null : { latitude: store.latitude, longitude: store.longitude };
      this.current.applyStore(store.storeId, point, store.productIds);
      this.notify();
    }
  }

  /** Persistence group: recs.interaction, once per event across replicas (and idempotent by event id). */
  private async storeInteraction(event: BusEvent): Promise<void> {
    if (event.type !== 'interaction') return;
    await this.interactions.append([event.payload as InteractionEventPayload]);
  }

  private caughtUpCount = 0;
  /** After a database catch-up: stream entries up to `until` that occurred by `countedUpTo` are in the snapshot. */
  private replayed: { until: string; countedUpTo: number } | undefined;

  /** Follower: this replica's engine, in stream order. */
  private async learnInteraction(event: BusEvent): Promise<void> {
    const payload = event.payload as InteractionEventPayload;
    const counted =
      this.replayed !== undefined && compareStreamIds(event.id, this.replayed.until) <= 0 && Date.parse(payload.occurredAt) <= this.replayed.countedUpTo;
    if (event.type === 'interaction' && !counted) {
      this.current.ingest({
        eventId: payload.eventId,
        shopperId: payload.shopperId,
        type: payload.type,
        productId: payload.productId,
        basketId: payload.basketId,
        occurredAt: Date.parse(payload.occurredAt),
      });
      this.caughtUpCount += 1;
      this.notify();
      if (payload.type === 'PURCHASE') this.refitter.poke();
    }
    this.position = event.id;
    for (const waiter of this.positionWaiters) {
      if (compareStreamIds(event.id, waiter.target) >= 0) {
        this.positionWaiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Resolves when the follower has learned the entry `target` (or stopped). */
  private reached(target: string): Promise<void> {
    if (this.position && compareStreamIds(this.position, target) >= 0) return Promise.resolve();
    return new Promise((resolve) => this.positionWaiters.add({ target, resolve }));
  }

  /**
   * Where to follow the stream from after reading stored interactions: a
   * margin before its newest entry, to cover what is not stored yet.
   */
  private async streamMark(): Promise<string> {
    const { last } = await this.options.events.bounds(Streams.interactions);
    return last ? streamIdBefore(streamIdTime(last) - CATCH_UP_MARGIN_MS) : STREAM_START;
  }

  private async leaveGroups(): Promise<void> {
    for (const [stream, group] of [[Streams.interactions, PersistenceGroups.interactions], [Streams.catalog, PersistenceGroups.catalog]] as const) {
      const info = (await this.options.events.groups(stream)).find((g) => g.name === group);
      const me = info?.consumers.find((c) => c.name === this.options.instanceId);
      // Pending entries would be lost with the member: leave them to be claimed.
      if (me && me.pending === 0) await this.options.events.removeConsumer(stream, group, me.name);
    }
  }

  private get engineOptions(): EngineOptions {
    return this.options.engineOptions ?? defaultEngineOptions;
  }

  private notify(): void {
    const scopes = this.current.takeChangedScopes();
    for (const listener of this.listeners) listener(scopes);
  }
}

/** Model build times and the live engine's size, on the recommendations subgraph's /metrics. */
function engineMetrics() {
  const metrics = serviceMetrics('recommendations');
  return {
    build: metrics.histogram(
      'smartcart_recs_model_build_duration_seconds',
      'Recommendation model builds: rebuild (every model from stored interactions) or refit (the basket model, scheduled training)',
      ['kind'],
      SLOW_BUCKETS,
    ),
    load: metrics.histogram('smartcart_recs_engine_load_duration_seconds', 'Loading the engine at start, by source (snapshot+stream, snapshot+database, rebuild)', ['source'], SLOW_BUCKETS),
    reportSize: (engine: () => RecommendationEngine, basketModel: () => BasketModelStatus) => {
      const stops = [
        metrics.observeGauge('smartcart_recs_engine_size', 'The live recommendation engine, by part: products known, shopper histories kept', ['part'], (gauge) => {
          gauge.inc({ part: 'products' }, engine().items.size);
          gauge.inc({ part: 'shoppers' }, engine().shopperCount);
        }),
        metrics.observeGauge('smartcart_recs_basket_model_age_seconds', 'Age of the basket model: seconds since the counts it was fitted on were taken', [], (gauge) => {
          const age = basketModel().ageSeconds;
          if (age !== null) gauge.inc(age);
        }),
        metrics.observeGauge('smartcart_recs_basket_model_purchases_since_fit', 'Purchases learned since the basket model was fitted (scored only as newer pairs until the next fit)', [], (gauge) => {
          gauge.inc(basketModel().purchasesSinceFit);
        }),
      ];
      return () => stops.forEach((stop) => stop());
    },
  };
}
