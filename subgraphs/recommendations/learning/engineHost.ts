import type { Database } from '../../../platform/database/database';
import type { BusEvent, EventBus, Subscription } from '../../../platform/events/eventBus';
import { Streams, type CatalogEvents, type InteractionEventPayload, type ProductSnapshot } from '../../../platform/events/topics';
import type { Logger } from '../../../platform/logger';
import { CatalogProjectionRepository } from '../data/catalogProjectionRepository';
import { InteractionRepository } from '../data/interactionRepository';
import { ModelSnapshotRepository } from '../data/modelSnapshotRepository';
import { defaultEngineOptions, RecommendationEngine, type EngineOptions } from '../engine/recommendationEngine';

export interface EngineHostOptions {
  db: Database;
  events: EventBus;
  logger: Logger;
  /** Names this process's consumer groups: every replica learns from every event. */
  instanceId: string;
  /** How often the basket model is refitted and the snapshot saved; 0 turns the schedule off. */
  trainIntervalMs: number;
  engineOptions?: EngineOptions;
}

export interface RebuildStats {
  interactions: number;
  products: number;
  millis: number;
  snapshotBytes: number;
}

const PRODUCT_EVENTS = new Set<string>(['product.created', 'product.updated', 'product.archived', 'product.price_changed', 'product.stock_changed']);

/**
 * Owns the live engine: loads it (snapshot, else a rebuild from stored
 * interactions), keeps it learning from the catalog and interaction streams,
 * refits and saves it on a schedule.
 */
export class EngineHost {
  private current: RecommendationEngine;
  private readonly interactions: InteractionRepository;
  private readonly catalog: CatalogProjectionRepository;
  private readonly snapshots: ModelSnapshotRepository;
  private subscriptions: Subscription[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: EngineHostOptions) {
    this.current = new RecommendationEngine(options.engineOptions ?? defaultEngineOptions);
    this.interactions = new InteractionRepository(options.db.prisma);
    this.catalog = new CatalogProjectionRepository(options.db.prisma);
    this.snapshots = new ModelSnapshotRepository(options.db.prisma);
  }

  get engine(): RecommendationEngine {
    return this.current;
  }

  /** Called after anything that can change an answer (cache invalidation, live updates). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    const snapshot = await this.snapshots.load();
    if (snapshot) {
      this.current = RecommendationEngine.fromSnapshot(snapshot, this.options.engineOptions ?? defaultEngineOptions);
      await this.loadCatalog(this.current);
      // Interactions stored after the snapshot was taken (by other replicas, or before a crash).
      let caughtUp = 0;
      for await (const page of this.interactions.all(new Date(snapshot.lastEventAt))) {
        for (const interaction of page) this.current.ingest(interaction);
        caughtUp += page.length;
      }
      if (caughtUp > 0) this.current.refit();
      this.options.logger.info({ caughtUp }, 'recommendation model loaded from snapshot');
    } else {
      const stats = await this.rebuild();
      this.options.logger.info(stats, 'recommendation model built from stored interactions');
    }
    const { instanceId, events, logger } = this.options;
    const onError = (error: unknown, event: BusEvent) => logger.error({ err: error, eventId: event.id, type: event.type }, 'event handling failed; it will be redelivered');
    this.subscriptions = [
      await events.consume(Streams.catalog, `recs-catalog-${instanceId}`, (event) => this.handleCatalog(event), { consumer: instanceId, onError }),
      await events.consume(Streams.interactions, `recs-learn-${instanceId}`, (event) => this.handleInteraction(event), { consumer: instanceId, onError }),
    ];
    if (this.options.trainIntervalMs > 0) {
      this.timer = setInterval(() => {
        this.train().catch((error: unknown) => logger.error({ err: error }, 'scheduled training failed'));
      }, this.options.trainIntervalMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.subscriptions.map((s) => s.stop()));
    this.subscriptions = [];
  }

  /** Refits the basket model on what has been learned and saves a snapshot. */
  async train(): Promise<number> {
    this.current.refit();
    this.notify();
    return this.snapshots.save(this.current.toSnapshot());
  }

  /** Recomputes every model from the stored interactions, then swaps it in. */
  async rebuild(): Promise<RebuildStats> {
    const started = Date.now();
    const engine = new RecommendationEngine(this.options.engineOptions ?? defaultEngineOptions);
    const products = await this.loadCatalog(engine);
    let interactions = 0;
    for await (const page of this.interactions.all()) {
      for (const interaction of page) engine.ingest(interaction);
      interactions += page.length;
    }
    engine.refit();
    this.current = engine;
    this.notify();
    const snapshotBytes = await this.snapshots.save(engine.toSnapshot());
    return { interactions, products, millis: Date.now() - started, snapshotBytes };
  }

  /** Applies catalog snapshots to the projection and the engine (also used to backfill). */
  async applyProducts(snapshots: ProductSnapshot[]): Promise<void> {
    await this.catalog.upsertProducts(snapshots);
    for (const snapshot of snapshots) this.current.applyProduct(snapshot);
    this.notify();
  }

  async projectedProducts(): Promise<number> {
    return this.catalog.count();
  }

  private async loadCatalog(engine: RecommendationEngine): Promise<number> {
    const products = await this.catalog.loadProducts();
    for (const product of products) engine.applyProduct(product);
    for (const store of await this.catalog.loadStores()) engine.applyStore(store.storeId, store);
    return products.length;
  }

  private async handleCatalog(event: BusEvent): Promise<void> {
    if (PRODUCT_EVENTS.has(event.type)) {
      await this.applyProducts([event.payload as ProductSnapshot]);
    } else if (event.type === 'store.changed') {
      const store = event.payload as CatalogEvents['store.changed'];
      const point = store.deleted ? null : { latitude: store.latitude, longitude: store.longitude };
      await this.catalog.setStore(store.storeId, point);
      this.current.applyStore(store.storeId, point, store.productIds);
      this.notify();
    }
  }

  private async handleInteraction(event: BusEvent): Promise<void> {
    if (event.type !== 'interaction') return;
    const payload = event.payload as InteractionEventPayload;
    await this.interactions.append([payload]);
    this.current.ingest({
      eventId: payload.eventId,
      shopperId: payload.shopperId,
      type: payload.type,
      productId: payload.productId,
      basketId: payload.basketId,
      occurredAt: Date.parse(payload.occurredAt),
    });
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
