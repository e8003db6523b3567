import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { InteractionType, ProductSnapshot } from '../../../platform/events/topics';
import {
  BasketModel,
  defaultBasketModelOptions,
  fitBasketWeights,
  type BasketFitInput,
  type BasketFitOutput,
  type BasketModelOptions,
  type FittedBasketModel,
} from './basketModel';
import { CatalogProjection, type CatalogFacts, type StorePoint } from './catalogProjection';
import { CoOccurrence, packedCoOccurrenceProblem, type PackedCoOccurrence } from './coOccurrence';
import { ContentNeighbourIndex } from './contentNeighbourIndex';
import { contentFeatures } from './contentSimilarity';
import { compileConstraints, isSustainable, anonymousShopper, type CompiledConstraints, type RecommendationFilter, type ShopperContext } from './constraints';
import { DecayingCounters, type PackedCounters } from './decayingCounters';
import { ItemIndex } from './itemIndex';
import { toCents } from './money';
import { monotoneInScore, nextItemConfidence, smoothedShare } from './confidence';
import { RecentMap } from './recentSet';
import { Scopes } from './scopes';
import { boughtWith, fitOnly, fitsShopper, formatMoney, joinReason, popularReason, trendingReason } from './reasons';
import { AisleCap, byScore, selectDiverse, selectRanked, type Candidate } from './selection';
import { packedShoppersProblem, ShopperHistory, type PackedShoppers } from './shopperHistory';
import { carriesStem, stemsOf, wordStem } from './wordStem';

export type RecommendationType =
  | 'SIMILAR'
  | 'BOUGHT_TOGETHER'
  | 'PERSONALIZED'
  | 'POPULAR'
  | 'TRENDING'
  | 'BUDGET'
  | 'SUSTAINABILITY'
  | 'HEALTH'
  | 'BUY_IT_AGAIN'
  | 'RECENTLY_VIEWED';

export type Strategy =
  | 'CART_COMPLETION'
  | 'SIMILAR'
  | 'FREQUENTLY_BOUGHT_TOGETHER'
  | 'PERSONALIZED'
  | 'POPULAR'
  | 'POPULAR_IN_CATEGORY'
  | 'TRENDING'
  | 'BUY_IT_AGAIN'
  | 'RECENTLY_VIEWED'
  | 'INTENT';

export interface Recommendation {
  productId: string;
  score: number;
  /** The estimated probability that this item is the shopper's next add to cart (confidence.ts). */
  confidence: number;
  type: RecommendationType;
  reason: string;
  /** Echo it in trackEvent to attribute clicks and purchases. */
  recommendationId: string;
}

/** A candidate with its confidence: the strategy's estimate, non-increasing in its score. */
interface Scored extends Candidate {
  confidence: number;
}

export interface RecommendationList {
  items: Recommendation[];
  /** Strategies that contributed items, primary first; fallbacks follow when filters left too few. */
  servedBy: Strategy[];
  /** Why the list is empty, for the client's empty state; absent when it has items. */
  emptyReason?: string;
}

export interface Interaction {
  eventId: string;
  shopperId: string;
  type: InteractionType;
  productId: string | null;
  basketId: string | null;
  occurredAt: number;
}

export interface EngineOptions {
  basketModel: BasketModelOptions;
  popularityHalfLifeMs: number;
  trendingShortHalfLifeMs: number;
  trendingLongHalfLifeMs: number;
  maxCategoryShare: number;
  /** Pseudo-counts that keep rare pairs from looking like strong links. */
  pairShrinkage: number;
  /**
   * Exponent on basket-model scores before they are normalised into cart
   * completion's confidence (confidence.ts): above 1 undoes part of
   * the ridge shrinkage that flattens strong links. 1.25 was the calibrated
   * value on groceries; `npm run eval` reports the calibration it gives.
   */
  confidenceSharpness: number;
  /**
   * Shoppers whose histories are kept, in memory and in snapshots; the least
   * recently active are forgotten first (anonymous shoppers come and go).
   */
  maxShoppers: number;
  now: () => number;
}

export const defaultEngineOptions: EngineOptions = {
  basketModel: defaultBasketModelOptions,
  popularityHalfLifeMs: 14 * 24 * 3_600_000,
  trendingShortHalfLifeMs: 3_600_000,
  trendingLongHalfLifeMs: 24 * 3_600_000,
  maxCategoryShare: 0.5,
  pairShrinkage: 5,
  confidenceSharpness: 1.25,
  maxShoppers: 200_000,
  now: () => Date.now(),
};

/**
 * A basket-model fit prepared from the counts at one moment (`prepareRefit`),
 * to be fitted anywhere (a worker thread) and installed when done.
 */
export interface PendingRefit {
  input: BasketFitInput;
  /** The counts it was prepared from: a fit of counts replaced since (a restore) is not installed. */
  readonly counts: CoOccurrence;
  /** The counts' mutation count, purchases learned and the clock when it was prepared. */
  readonly mutations: number;
  readonly purchases: number;
  readonly at: number;
}

/** How fresh the basket model is, for triggers, metrics and health. */
export interface BasketModelFreshness {
  /** When the counts it was fitted on were taken (or when it was restored with them), ms since the epoch. */
  fittedAt: number;
  /** Purchases learned into the basket counts since then: only the newer-pairs part scores them. */
  purchasesSinceFit: number;
  /** Items in its EASE core. */
  coreSize: number;
  /** Purchases learned so far, and how many of the first of them the model was fitted on (a purchase numbered k is fitted once k ≤ this). */
  purchasesLearned: number;
  purchasesFitted: number;
}

/** How much each kind of interaction says about interest. */
const INTEREST: Record<InteractionType, number> = {
  VIEW: 1,
  CLICK: 2,
  ADD_TO_CART: 4,
  REMOVE_FROM_CART: 0,
  PURCHASE: 6,
  SEARCH: 0,
};

const RECENT_PER_SHOPPER = 50;
/** Popularity above this is real activity; below it only the floor that orders a new shop's catalog. */
const ACTIVE = 1e-3;
/** Co-engagement links a new item to this many of the shopper's latest items: older ones say little. */
const BEHAVIOUR_WINDOW = 15;
const OPEN_BASKETS = 50_000;
const SEEN_EVENTS = 200_000;

interface ListRequest {
  first: number;
  filter?: RecommendationFilter;
  shopper?: ShopperContext;
  /** No fallback: only items the primary strategy produced. */
  strict?: boolean;
}

/** Inside the engine: the aisle cap a list's parts share (auto's personal, trending and popular parts). */
interface Served extends ListRequest {
  cap?: AisleCap;
}

/**
 * The recommendation engine: every model, updated event by event, and the
 * one code path that serves the graph, the evaluation and the benchmark.
 */
export class RecommendationEngine {
  readonly items = new ItemIndex();
  readonly catalog = new CatalogProjection(this.items);
  /** Every product's content neighbours (contentSimilarity.ts), kept current by catalog events. */
  readonly neighbours = new ContentNeighbourIndex();
  /** Purchases that shared a basket (replaced only when restoring a snapshot). */
  baskets = new CoOccurrence();
  /** Products the same shopper engaged with: "shoppers who viewed this also viewed". */
  behaviour = new CoOccurrence();
  private basketModel: BasketModel;
  /** The basket counts' mutation count when the model was fitted (a snapshot keeps the fit only if they still match). */
  private fittedAt = -1;
  /** Purchases learned into the basket counts, and that count and the clock when the current model's counts were taken. */
  private purchasesLearned = 0;
  private fittedPurchases = 0;
  private fittedTime = 0;
  private popularity: DecayingCounters;
  private trendShort: DecayingCounters;
  private trendLong: DecayingCounters;
  private readonly shoppers: LRUCache<string, ShopperHistory>;
  /** Baskets still receiving items (events arrive one item at a time). */
  private readonly openBaskets = new RecentMap<string, number[]>(OPEN_BASKETS);
  private readonly seenEvents = new RecentMap<string, true>(SEEN_EVENTS);
  /** Bumped by anything that can change an answer: part of every cache key. */
  private catalogVersion = 0;
  private behaviourVersion = 0;
  private lastEventAt = 0;
  /** Distinct interactions learned (kept in snapshots): what the health report shows. */
  private learned = 0;
  /** Scopes changed since the last takeChangedScopes(), when tracking (see scopes.ts). */
  private changed: Set<string> | undefined;

  constructor(readonly options: EngineOptions = defaultEngineOptions) {
    this.shoppers = new LRUCache({ max: Math.max(1, options.maxShoppers) });
    this.popularity = new DecayingCounters(options.popularityHalfLifeMs);
    this.trendShort = new DecayingCounters(options.trendingShortHalfLifeMs);
    this.trendLong = new DecayingCounters(options.trendingLongHalfLifeMs);
    this.basketModel = BasketModel.fit(this.baskets, 0, options.basketModel);
  }

  get version(): string {
    return `${this.catalogVersion}.${this.behaviourVersion}`;
  }

  get lastEventTime(): number {
    return this.lastEventAt;
  }

  /** Distinct interactions learned so far, those before a restored snapshot included. */
  get interactionCount(): number {
    return this.learned;
  }

  /** Shopper histories held now (at most options.maxShoppers). */
  get shopperCount(): number {
    return this.shoppers.size;
  }

  /** Starts (or stops) recording which scopes each change touches. */
  trackChanges(on = true): void {
    this.changed = on ? (this.changed ?? new Set()) : undefined;
  }

  /** The scopes changed since the last call (empty when not tracking). */
  takeChangedScopes(): string[] {
    if (!this.changed || this.changed.size === 0) return [];
    const scopes = [...this.changed];
    this.changed.clear();
    return scopes;
  }

  // ---- what each list depends on (cache scopes) ---------------------------

  similarScopes(productId: string): string[] {
    const path = this.catalog.get(this.items.indexOf(productId) ?? -1)?.categoryPath ?? [];
    return [Scopes.product(productId), Scopes.engagedWith(productId), Scopes.contentNeighbours(productId), ...path.slice(-2).map(Scopes.category)];
  }

  frequentlyBoughtTogetherScopes(productId: string): string[] {
    return [Scopes.product(productId), Scopes.boughtWith(productId)];
  }

  cartScopes(productIds: readonly string[], shopper?: ShopperContext): string[] {
    const scopes: string[] = [Scopes.model];
    for (const id of productIds) {
      scopes.push(Scopes.product(id), Scopes.boughtWith(id));
      const leaf = this.catalog.get(this.items.indexOf(id) ?? -1)?.categoryId;
      if (leaf) scopes.push(Scopes.category(leaf));
    }
    if (shopper?.location) scopes.push(Scopes.stores);
    return [...new Set(scopes)];
  }

  shopperScopes(shopperId: string, shopper?: ShopperContext): string[] {
    return [Scopes.shopper(shopperId), Scopes.model, ...(shopper?.location ? [Scopes.stores] : [])];
  }

  // ---- learning -----------------------------------------------------------

  applyProduct(snapshot: ProductSnapshot): void {
    const facts = this.project(snapshot);
    // The product's own neighbours, and the lists it enters or leaves.
    for (const index of this.neighbours.upsert(facts.index, contentFeaturesOf(snapshot, facts))) this.changed?.add(Scopes.contentNeighbours(this.items.idAt(index)));
  }

  /**
   * The whole catalog at once (the model load, a rebuild): every product
   * projected, then every content-neighbour list computed once, rather than
   * updated product by product.
   */
  loadCatalog(snapshots: readonly ProductSnapshot[]): void {
    for (const snapshot of snapshots) {
      const facts = this.project(snapshot);
      this.neighbours.put(facts.index, contentFeaturesOf(snapshot, facts));
    }
    this.neighbours.rebuild();
    // Normally before changes are tracked (a new engine); if not, every list may have moved.
    if (this.changed) for (const facts of this.catalog.all()) this.changed.add(Scopes.contentNeighbours(facts.productId));
  }

  private project(snapshot: ProductSnapshot): CatalogFacts {
    const previous = this.catalog.get(this.items.indexOf(snapshot.productId) ?? -1);
    const before = previous?.categoryPath ?? [];
    const facts = this.catalog.upsert(snapshot);
    this.catalogVersion += 1;
    // Learned before it was known to be a fee (or before it was marked one): unlearn it.
    if (!facts.merchandise && (previous?.merchandise ?? true)) this.forget(facts.index);
    if (this.changed) {
      // Lists showing it, lists it may now enter or leave: its aisles, its partners'.
      this.changed.add(Scopes.product(snapshot.productId));
      for (const category of [...before, ...facts.categoryPath]) this.changed.add(Scopes.category(category));
      const changed = this.changed;
      this.baskets.forEachPartner(facts.index, (other) => changed.add(Scopes.boughtWith(this.items.idAt(other))));
      this.behaviour.forEachPartner(facts.index, (other) => changed.add(Scopes.engagedWith(this.items.idAt(other))));
    }
    return facts;
  }

  applyStore(storeId: string, point: StorePoint | null, productIds?: readonly string[]): void {
    this.catalog.setStore(storeId, point, productIds);
    this.catalogVersion += 1;
    this.changed?.add(Scopes.stores);
  }

  /** One interaction; a re-delivered event (same id) changes nothing. */
  ingest(event: Interaction): void {
    if (this.seenEvents.has(event.eventId)) return;
    this.remember(event.eventId);
    this.learned += 1;
    this.lastEventAt = Math.max(this.lastEventAt, event.occurredAt);
    if (!event.productId) return;
    const item = this.items.intern(event.productId);
    // Postage, deposits, gift cards …: bought with everything, they say nothing about taste.
    if (!this.catalog.isMerchandise(item)) return;
    const weight = INTEREST[event.type];
    if (weight > 0) {
      this.popularity.add(item, weight, event.occurredAt);
      this.trendShort.add(item, weight, event.occurredAt);
      this.trendLong.add(item, weight, event.occurredAt);
    }
    if (event.type === 'PURCHASE' && event.basketId) {
      const basket = (this.openBaskets.get(event.basketId) ?? []).filter((other) => this.catalog.isMerchandise(other));
      if (!basket.includes(item)) {
        this.baskets.addToBasket(item, basket);
        this.purchasesLearned += 1;
        if (this.changed) {
          this.changed.add(Scopes.boughtWith(event.productId));
          for (const other of basket) this.changed.add(Scopes.boughtWith(this.items.idAt(other)));
        }
        basket.push(item);
      }
      this.openBaskets.set(event.basketId, basket);
    }
    if (weight > 0) this.recordForShopper(event, item);
    this.behaviourVersion += 1;
  }

  /** Refits the basket model on everything counted so far, here on the event loop (start-up, tools). */
  refit(): void {
    const pending = this.prepareRefit();
    this.installRefit(pending, fitBasketWeights(pending.input));
  }

  /**
   * The cheap first half of a refit: the counts as they are now, as plain
   * arrays a worker can fit (see learning/basketRefitter.ts).
   */
  prepareRefit(): PendingRefit {
    return {
      input: BasketModel.prepare(this.baskets, this.items.size, this.options.basketModel),
      counts: this.baskets,
      mutations: this.baskets.mutations,
      purchases: this.purchasesLearned,
      at: this.options.now(),
    };
  }

  /**
   * Swaps in the model of a finished fit, at once (requests in between were
   * served by the previous one). What was counted after the fit was prepared
   * stays scored as newer pairs. Returns the fitted model, or null when the
   * counts were replaced since (nothing is installed then).
   */
  installRefit(pending: PendingRefit, output: BasketFitOutput): FittedBasketModel | null {
    if (pending.counts !== this.baskets) return null;
    this.basketModel = BasketModel.fromFit(this.baskets, this.items.size, this.options.basketModel, pending.input, output);
    this.fittedAt = pending.mutations;
    this.fittedPurchases = pending.purchases;
    this.fittedTime = pending.at;
    this.behaviourVersion += 1;
    this.changed?.add(Scopes.model);
    return this.basketModel.fitted();
  }

  get basketModelFreshness(): BasketModelFreshness {
    return {
      fittedAt: this.fittedTime,
      purchasesSinceFit: this.purchasesLearned - this.fittedPurchases,
      coreSize: this.basketModel.coreSize,
      purchasesLearned: this.purchasesLearned,
      purchasesFitted: this.fittedPurchases,
    };
  }

  // ---- serving ------------------------------------------------------------

  /** Cart completion: what goes with everything in the cart, within the shopper's constraints. */
  cartSuggestions(productIds: readonly string[], request: ListRequest): RecommendationList {
    const shopper = request.shopper ?? anonymousShopper;
    // A fee in the cart says nothing about what else goes in it.
    const context = this.indexesOf(productIds).filter((index) => this.catalog.isMerchandise(index));
    const constraints = compileConstraints({ ...request.filter, excludeIds: [...(request.filter?.excludeIds ?? []), ...productIds] }, shopper, this.catalog);
    const cap = this.capFor(request, true);
    const scores = new Float64Array(this.items.size);
    if (context.length > 0) this.basketModel.score(context, scores);
    const candidates: Candidate[] = [];
    let evidence = 0;
    for (let i = 0; i < scores.length; i++) {
      const item = this.catalog.get(i);
      if (!item || scores[i]! <= 0) continue;
      evidence += 1;
      if (constraints.accepts(item)) candidates.push({ item, score: scores[i]! * constraints.boost(item) });
    }
    const inCart = new Set(context);
    const nextItem = nextItemConfidence(scores, (i) => !inCart.has(i) && this.catalog.isMerchandise(i) && this.catalog.get(i) !== undefined, this.options.confidenceSharpness);
    const chosen = this.rankWithConfidence(candidates, request.first, cap, ({ item }) => nextItem(item.index));
    const items = chosen.map(({ item, score, confidence }) => {
      const link = this.basketModel.strongestLink(context, item.index);
      return this.explainForCart(item, score, confidence, link, shopper, constraints);
    });
    items.push(...this.lowerCarbonAlternatives(context, shopper, constraints, items, request.first, cap, nextItem));
    const why = context.length === 0 ? 'The cart is empty' : evidence === 0 ? 'Nothing has been bought with these items yet' : 'Nothing bought with these items passes the filters';
    return this.withFallback(this.primary(items.slice(0, request.first), 'CART_COMPLETION', why), context, request, constraints, cap);
  }

  /** Complements of one product, by lift over how often each is bought anyway. */
  frequentlyBoughtTogether(productId: string, request: ListRequest): RecommendationList {
    const anchor = this.items.indexOf(productId);
    const constraints = this.constraintsFor(request, [productId]);
    const cap = this.capFor(request, true);
    const candidates: Candidate[] = [];
    const together = new Map<number, number>();
    let evidence = 0;
    const anchorCount = anchor === undefined ? 0 : this.baskets.count(anchor);
    const next = this.pairNextItem(anchor, request.filter?.excludeIds ?? []);
    if (anchor !== undefined) {
      const baskets = Math.max(1, this.baskets.baskets);
      this.baskets.forEachPartner(anchor, (other, count) => {
        const item = this.catalog.get(other);
        if (!item) return;
        evidence += 1;
        if (!constraints.accepts(item)) return;
        const base = this.baskets.count(other) / baskets;
        const conditional = (count + this.options.pairShrinkage * base) / (anchorCount + this.options.pairShrinkage);
        // Lift discounts staples: milk is in every basket, so it says little about this one.
        const lift = conditional / Math.max(base, 1e-9);
        together.set(other, count);
        candidates.push({ item, score: conditional * Math.sqrt(lift) * constraints.boost(item) });
      });
    }
    const anchorName = this.catalog.get(anchor ?? -1)?.name ?? 'this item';
    const chosen = this.rankWithConfidence(candidates, request.first, cap, ({ item }) => next(item.index));
    const items = chosen.map(({ item, score, confidence }) =>
      this.recommendation(item, score, confidence, 'BOUGHT_TOGETHER', boughtWith(anchorName, together.get(item.index) ?? 0, anchorCount), 'FBT'),
    );
    const why = evidence === 0 ? `Nothing has been bought with ${anchorName} yet` : `Nothing bought with ${anchorName} passes the filters`;
    return this.withFallback(this.primary(items, 'FREQUENTLY_BOUGHT_TOGETHER', why), anchor === undefined ? [] : [anchor], request, constraints, cap);
  }

  /**
   * Items like this one: its content neighbours (contentSimilarity.ts, the
   * one formula behind `Product.similar` too), blended with what the same
   * shoppers engaged with.
   */
  similar(productId: string, request: ListRequest): RecommendationList {
    const anchorIndex = this.items.indexOf(productId);
    const anchor = anchorIndex === undefined ? undefined : this.catalog.get(anchorIndex);
    const constraints = this.constraintsFor(request, [productId]);
    // Similar items are meant to share a category: no aisle cap here.
    const cap = AisleCap.off();
    const scores = new Map<number, number>();
    if (anchor) {
      for (const neighbour of this.neighbours.of(anchor.index)) scores.set(neighbour.index, 0.6 * neighbour.score);
      const anchorCount = this.behaviour.count(anchor.index);
      this.behaviour.forEachPartner(anchor.index, (other, together) => {
        const cosine = together / Math.sqrt((anchorCount + this.options.pairShrinkage) * (this.behaviour.count(other) + this.options.pairShrinkage));
        scores.set(other, (scores.get(other) ?? 0) + 0.4 * cosine);
      });
    }
    const candidates: Candidate[] = [];
    for (const [index, score] of scores) {
      const item = this.catalog.get(index);
      if (item && score > 0 && constraints.accepts(item)) candidates.push({ item, score: score * constraints.boost(item) });
    }
    // Similarity is no probability: each item's chance comes from the anchor's basket pairs, ordered by similarity.
    const next = this.pairNextItem(anchor?.index, request.filter?.excludeIds ?? []);
    const chosen = this.rankWithConfidence(candidates, request.first, cap, ({ item }) => next(item.index));
    const items = chosen.map(({ item, score, confidence }) =>
      this.recommendation(item, score, confidence, 'SIMILAR', `Similar to ${anchor?.name ?? 'this item'}`, 'SIM'),
    );
    const name = anchor?.name ?? 'this item';
    const why = scores.size === 0 ? `Nothing in the catalog is like ${name} yet` : `No item like ${name} passes the filters`;
    return this.withFallback(this.primary(items, 'SIMILAR', why), anchor ? [anchor.index] : [], request, constraints, cap);
  }

  popular(request: Served): RecommendationList {
    const constraints = this.constraintsFor(request, []);
    const cap = this.capFor(request, true);
    const now = this.options.now();
    const scope = request.filter?.categoryId ? 'category' : 'shop';
    // A tiny floor keeps a new shop (no interactions yet) from answering with nothing.
    const share = this.interestShare(this.popularity, now, request.filter?.excludeIds ?? []);
    const items = this.rankAll(constraints, request.first, (i) => this.popularity.valueAt(i, now) + 1e-6, cap, () => share).map(({ item, score, confidence }) =>
      this.recommendation(item, score, confidence, 'POPULAR', this.withFit(popularReason(score > ACTIVE, scope), item, request), 'POP'),
    );
    return this.primary(items, scope === 'category' ? 'POPULAR_IN_CATEGORY' : 'POPULAR', 'No item passes the filters');
  }

  /** Items whose interaction rate over the last hours rises above their daily rate. */
  trending(request: Served): RecommendationList {
    const constraints = this.constraintsFor(request, []);
    const cap = this.capFor(request, true);
    const now = this.options.now();
    const shortScale = this.options.trendingShortHalfLifeMs / Math.LN2;
    const longScale = this.options.trendingLongHalfLifeMs / Math.LN2;
    const prior = 1 / longScale;
    const risingOf = (i: number): number => {
      const recent = this.trendShort.valueAt(i, now);
      if (recent < 0.5) return 0;
      return (recent / shortScale + prior) / (this.trendLong.valueAt(i, now) / longScale + prior);
    };
    // The chance of the next add: the item's share of the last hours' interest.
    const share = this.interestShare(this.trendShort, now, request.filter?.excludeIds ?? []);
    const ranked = this.rankAll(constraints, request.first, (i) => {
      const rising = risingOf(i);
      return rising > 1 ? Math.log1p(this.trendShort.valueAt(i, now)) * rising : 0;
    }, cap, () => share);
    const items = ranked.map(({ item, score, confidence }) =>
      this.recommendation(item, score, confidence, 'TRENDING', this.withFit(trendingReason(risingOf(item.index)), item, request), 'TRD'),
    );
    return this.withFallback(this.primary(items, 'TRENDING', 'Nothing is drawing more interest than usual right now'), [], request, constraints, cap);
  }

  /** From the shopper's own recent interactions, most recent and strongest first. */
  personalized(shopperId: string, request: Served): RecommendationList {
    const history = this.shoppers.peek(shopperId);
    const constraints = this.constraintsFor(request, []);
    const cap = this.capFor(request, true);
    const scores = new Map<number, number>();
    /** For each candidate, the viewed item that contributed most: the reason shown. */
    const why = new Map<number, { source: number; value: number; type: InteractionType }>();
    /**
     * The chance of the next add, for each candidate: the mixture, weighted like
     * the score, of each recent item's co-engagement shares (smoothed towards
     * the item's share of purchases), times the shopper's rate of new items
     * (this list leaves out what they already engaged with).
     */
    const mixed = new Map<number, number>();
    let totalWeight = 0;
    let priorWeight = 0;
    if (history) {
      const seen = new Set(history.recent.map((r) => r.item));
      history.recent.forEach(({ item: source, type }, position) => {
        const recency = 0.85 ** (history.recent.length - 1 - position);
        const weight = INTEREST[type] * recency;
        if (weight <= 0) return;
        const sourceCount = this.behaviour.count(source) + this.options.pairShrinkage;
        const pairs = this.behaviour.pairTotal(source);
        totalWeight += weight;
        priorWeight += weight * smoothedShare(0, pairs, 1);
        this.behaviour.forEachPartner(source, (other, together) => {
          if (seen.has(other)) return;
          const value = (weight * together) / Math.sqrt(sourceCount * (this.behaviour.count(other) + this.options.pairShrinkage));
          scores.set(other, (scores.get(other) ?? 0) + value);
          mixed.set(other, (mixed.get(other) ?? 0) + weight * smoothedShare(together, pairs, 0));
          if (value > (why.get(other)?.value ?? 0)) why.set(other, { source, value, type });
        });
      });
    }
    const candidates: Candidate[] = [];
    for (const [index, score] of scores) {
      const item = this.catalog.get(index);
      if (item && constraints.accepts(item)) candidates.push({ item, score: score * constraints.boost(item) });
    }
    const base = this.purchaseShare();
    const purchases = [...(history?.purchases.values() ?? [])];
    const newItems = smoothedShare(purchases.length, purchases.reduce((sum, p) => sum + p.count, 0), 1);
    const chosen = this.rankWithConfidence(candidates, request.first, cap, ({ item }) =>
      totalWeight > 0 ? (newItems * ((mixed.get(item.index) ?? 0) + priorWeight * base(item.index))) / totalWeight : 0,
    );
    const items = chosen.map(({ item, score, confidence }) => {
      const link = why.get(item.index);
      const source = this.catalog.get(link?.source ?? -1);
      const verb = link?.type === 'PURCHASE' ? 'bought' : link?.type === 'ADD_TO_CART' ? 'added' : 'looked at';
      const reason = source ? `Because you ${verb} ${source.name}: shoppers who did also chose this` : 'Picked for you';
      return this.recommendation(item, score, confidence, 'PERSONALIZED', this.withFit(reason, item, request), 'PER');
    });
    const context = history ? history.recent.map((r) => r.item) : [];
    const empty = !history ? 'No activity from this shopper yet' : scores.size === 0 ? 'Nothing is linked to what this shopper did yet' : 'Nothing linked to this shopper passes the filters';
    return this.withFallback(this.primary(items, 'PERSONALIZED', empty), context, request, constraints, cap);
  }

  buyItAgain(shopperId: string, request: ListRequest): RecommendationList {
    const history = this.shoppers.peek(shopperId);
    const constraints = this.constraintsFor(request, []);
    const now = this.options.now();
    const candidates: Candidate[] = [];
    let purchases = 0;
    for (const [index, { count, lastAt }] of history?.purchases ?? []) {
      purchases += count;
      const item = this.catalog.get(index);
      const ageDays = Math.max(0, now - lastAt) / 86_400_000;
      if (item && constraints.accepts(item)) candidates.push({ item, score: count / (1 + ageDays / 30) });
    }
    // The chance of the next add: the item's share of the shopper's own purchases.
    const chosen = this.rankWithConfidence(candidates, request.first, AisleCap.off(), ({ item }) => smoothedShare(history!.purchases.get(item.index)!.count, purchases, 0));
    const items = chosen.map(({ item, score, confidence }) => {
      const count = history!.purchases.get(item.index)!.count;
      return this.recommendation(item, score, confidence, 'BUY_IT_AGAIN', count > 1 ? `You bought this ${count} times` : 'You bought this before', 'BIA');
    });
    const why = (history?.purchases.size ?? 0) === 0 ? 'No purchases from this shopper yet' : 'None of your past purchases passes the filters';
    return this.primary(items, 'BUY_IT_AGAIN', why);
  }

  recentlyViewed(shopperId: string, request: ListRequest): RecommendationList {
    const history = this.shoppers.peek(shopperId);
    const constraints = this.constraintsFor(request, []);
    const viewed = (history?.recent ?? []).filter((r) => r.type === 'VIEW' || r.type === 'CLICK').reverse();
    // The chance of the next add: the item's share of the shopper's recent interest, most recent first.
    const interest = (history?.recent ?? []).reduce((sum, r) => sum + INTEREST[r.type], 0);
    const shown = viewed.filter(({ item }) => this.catalog.get(item) && constraints.accepts(this.catalog.get(item)!)).slice(0, request.first);
    const confidences = monotoneInScore(shown.map((r) => smoothedShare(INTEREST[r.type], interest, 0)));
    const items = shown.map(({ item }, k) => this.recommendation(this.catalog.get(item)!, 1 / (k + 1), confidences[k]!, 'RECENTLY_VIEWED', 'You viewed this recently', 'RV'));
    return this.primary(items, 'RECENTLY_VIEWED', viewed.length === 0 ? 'No views from this shopper yet' : 'None of the viewed items passes the filters');
  }

  /**
   * Free-text keywords (from an intent) matched against names, brands and
   * tags. Items naming the product type (`productTerms`: "pizza" in "frozen
   * pizza") come first, then those matching more of the other words; only
   * then do popularity and, for a budget intent, a lower price order them.
   * No aisle cap: the shopper named what they want.
   */
  matchKeywords(keywords: readonly string[], request: ListRequest & { cheapFirst?: boolean; productTerms?: readonly string[] }): RecommendationList {
    const constraints = this.constraintsFor(request, []);
    const cap = AisleCap.off();
    const now = this.options.now();
    const wanted = [...new Set(keywords.map((k) => k.toLowerCase()))];
    const product = [...new Set((request.productTerms ?? []).map((k) => wordStem(k)))];
    const others = wanted.map((k) => wordStem(k)).filter((k) => !product.includes(k));
    const ranked = this.rankAll(constraints, request.first, (i) => {
      const item = this.catalog.get(i)!;
      const stems = stemsOf(item.tokens);
      const productShare = product.length === 0 ? 0 : product.filter((w) => carriesStem(stems, w)).length / product.length;
      const otherShare = others.length === 0 ? 0 : others.filter((w) => carriesStem(stems, w)).length / others.length;
      if (productShare === 0 && otherShare === 0) return 0;
      // Levels 2 apart, a tie-break below 1: no price or popularity lifts an item over a better word match.
      const price = request.cheapFirst ? 1 / (1 + item.effectivePriceCents / 500) : 1;
      const popularity = Math.log1p(this.popularity.valueAt(i, now));
      const tieBreak = 0.5 * price * (0.5 + 0.5 * (popularity / (1 + popularity)));
      return 1 + 4 * productShare + 2 * otherShare + tieBreak;
    }, cap, (matching) => {
      // The shopper named what they want: the chance of the next add is the item's share of the matches' interest.
      let interest = 0;
      for (const { item } of matching) interest += this.popularity.valueAt(item.index, now);
      return (i) => smoothedShare(this.popularity.valueAt(i, now), interest, 1 / Math.max(1, matching.length));
    });
    const label = `Matches “${wanted.join(' ')}”`;
    const items = ranked.map(({ item, score, confidence }) =>
      this.recommendation(item, score, confidence, request.cheapFirst ? 'BUDGET' : 'POPULAR', label, 'TXT'),
    );
    const why = wanted.length === 0 ? 'No product words to match' : `No product matching “${wanted.join(' ')}” passes the filters`;
    return this.withFallback(this.primary(items, 'INTENT', why), [], request, constraints, cap);
  }

  /** The hybrid: personalised when the shopper has history, then trending and popular, under one aisle cap. */
  auto(shopperId: string | null, request: ListRequest): RecommendationList {
    const cap = this.capFor(request, true);
    const personal = shopperId ? this.personalized(shopperId, { ...request, strict: true, cap }) : { items: [], servedBy: [] as Strategy[] };
    if (personal.items.length >= request.first) return personal;
    const taken = new Set(personal.items.map((r) => r.productId));
    const filter = { ...request.filter, excludeIds: [...(request.filter?.excludeIds ?? []), ...taken] };
    const trending = this.trending({ ...request, filter, strict: true, cap, first: Math.ceil((request.first - personal.items.length) / 2) });
    for (const r of trending.items) taken.add(r.productId);
    const popular = this.popular({ ...request, cap, filter: { ...filter, excludeIds: [...filter.excludeIds, ...taken] }, first: request.first - personal.items.length - trending.items.length });
    const items = [...personal.items, ...trending.items, ...popular.items];
    return {
      items,
      servedBy: [...personal.servedBy, ...trending.servedBy, ...popular.servedBy],
      ...(items.length === 0 ? { emptyReason: popular.emptyReason ?? 'No item passes the filters' } : {}),
    };
  }

  // ---- persistence --------------------------------------------------------

  /**
   * Everything learned, in flat typed arrays (no object per pair or per
   * remembered interaction): a restart restores it and serves at once.
   */
  toSnapshot(): EngineSnapshot {
    return {
      version: SNAPSHOT_VERSION,
      items: [...this.items.allIds()],
      baskets: this.baskets.pack(),
      behaviour: this.behaviour.pack(),
      popularity: this.popularity.pack(),
      trendShort: this.trendShort.pack(),
      trendLong: this.trendLong.pack(),
      // Least recently active first, so that a restore ends in the same order.
      shoppers: ShopperHistory.packAll(this.shoppers.rentries() as Iterable<[string, ShopperHistory]>),
      lastEventAt: this.lastEventAt,
      interactionCount: this.learned,
      // Only a fit of exactly these counts: anything counted since would be missing from it.
      ...(this.fittedAt === this.baskets.mutations ? { basketModel: this.basketModel.fitted() } : {}),
    };
  }

  /** A snapshot's arrays are used in place: the caller hands them over. Check it with snapshotProblem first. */
  static fromSnapshot(snapshot: EngineSnapshot, options: EngineOptions = defaultEngineOptions): RecommendationEngine {
    const engine = new RecommendationEngine(options);
    for (const id of snapshot.items) engine.items.intern(id);
    engine.baskets = CoOccurrence.unpack(snapshot.baskets);
    engine.behaviour = CoOccurrence.unpack(snapshot.behaviour);
    engine.popularity = DecayingCounters.unpack(snapshot.popularity);
    engine.trendShort = DecayingCounters.unpack(snapshot.trendShort);
    engine.trendLong = DecayingCounters.unpack(snapshot.trendLong);
    for (const [id, history] of ShopperHistory.unpackAll(snapshot.shoppers)) engine.shoppers.set(id, history);
    engine.lastEventAt = snapshot.lastEventAt;
    engine.learned = snapshot.interactionCount ?? 0;
    const restored = snapshot.basketModel && BasketModel.restore(engine.baskets, engine.items.size, options.basketModel, snapshot.basketModel);
    if (restored) {
      engine.basketModel = restored;
      engine.fittedAt = engine.baskets.mutations;
      engine.fittedTime = options.now();
    } else {
      engine.refit();
    }
    return engine;
  }

  // ---- internals ----------------------------------------------------------

  /** Removes every trace of an item from what was learned (counts, popularity, shopper histories); the next refit drops it from the basket model. */
  private forget(item: number): void {
    this.baskets.forEachPartner(item, (other) => this.changed?.add(Scopes.boughtWith(this.items.idAt(other))));
    this.behaviour.forEachPartner(item, (other) => this.changed?.add(Scopes.engagedWith(this.items.idAt(other))));
    this.baskets.forget(item);
    this.behaviour.forget(item);
    this.popularity.reset(item);
    this.trendShort.reset(item);
    this.trendLong.reset(item);
    this.shoppers.forEach((history, shopperId) => {
      const at = history.recent.findIndex((r) => r.item === item);
      if (at < 0 && !history.purchases.has(item)) return;
      if (at >= 0) history.recent.splice(at, 1);
      history.purchases.delete(item);
      this.changed?.add(Scopes.shopper(shopperId));
    });
    this.behaviourVersion += 1;
  }

  private remember(eventId: string): void {
    this.seenEvents.set(eventId, true);
  }

  private recordForShopper(event: Interaction, item: number): void {
    let history = this.shoppers.get(event.shopperId);
    if (!history) this.shoppers.set(event.shopperId, (history = new ShopperHistory()));
    this.changed?.add(Scopes.shopper(event.shopperId));
    const existing = history.recent.findIndex((r) => r.item === item);
    if (existing < 0) {
      const window: number[] = [];
      for (let k = history.recent.length - 1; k >= 0 && window.length < BEHAVIOUR_WINDOW; k--) window.push(history.recent[k]!.item);
      // Each shopper counts as one "basket" of co-engagement, opened by its first item.
      this.behaviour.addToBasket(item, history.recent.length === 0 ? [] : window);
      if (this.changed && window.length > 0) {
        this.changed.add(Scopes.engagedWith(event.productId!));
        for (const other of window) this.changed.add(Scopes.engagedWith(this.items.idAt(other)));
      }
    } else {
      history.recent.splice(existing, 1);
    }
    history.recent.push({ item, type: event.type, at: event.occurredAt });
    if (history.recent.length > RECENT_PER_SHOPPER) history.recent.shift();
    if (event.type === 'PURCHASE') {
      const purchase = history.purchases.get(item) ?? { count: 0, lastAt: 0 };
      purchase.count += 1;
      purchase.lastAt = Math.max(purchase.lastAt, event.occurredAt);
      history.purchases.set(item, purchase);
    }
  }

  private indexesOf(productIds: readonly string[]): number[] {
    return productIds.map((id) => this.items.indexOf(id)).filter((i): i is number => i !== undefined);
  }

  private constraintsFor(request: ListRequest, exclude: string[]): CompiledConstraints {
    return compileConstraints({ ...request.filter, excludeIds: [...(request.filter?.excludeIds ?? []), ...exclude] }, request.shopper ?? anonymousShopper, this.catalog);
  }

  /** `estimate`, given every candidate, says each item's chance of being the next add (before it is made monotone). */
  private rankAll(constraints: CompiledConstraints, first: number, score: (index: number) => number, cap: AisleCap, estimate: (candidates: readonly Candidate[]) => (index: number) => number): Scored[] {
    const candidates: Candidate[] = [];
    for (const item of this.catalog.all()) {
      const value = score(item.index);
      if (value > 0 && constraints.accepts(item)) candidates.push({ item, score: value * constraints.boost(item) });
    }
    const chance = estimate(candidates);
    return this.rankWithConfidence(candidates, first, cap, ({ item }) => chance(item.index));
  }

  /**
   * Every candidate ranked by score, given its confidence (`estimate`, made
   * non-increasing along the whole ranking, so it does not depend on how
   * many are asked for), then the best `first` the cap allows.
   */
  private rankWithConfidence(candidates: Candidate[], first: number, cap: AisleCap, estimate: (candidate: Candidate) => number): Scored[] {
    const ranked = candidates.sort(byScore);
    const estimates = new Float64Array(ranked.length);
    for (let k = 0; k < ranked.length; k++) estimates[k] = estimate(ranked[k]!);
    const confidences = monotoneInScore(estimates);
    return selectRanked(ranked, first, cap).map((k) => ({ ...ranked[k]!, confidence: confidences[k]! }));
  }

  /**
   * Each merchandise item's share of all purchases counted in baskets: the
   * prior of every pair estimate. Excluded items (the cart) cannot be the next
   * add: their purchases are left out of the total.
   */
  private purchaseShare(excluded: ReadonlySet<number> = new Set()): (index: number) => number {
    let total = 0;
    for (let i = 0; i < this.items.size; i++) if (!excluded.has(i)) total += this.baskets.count(i);
    const uniform = 1 / Math.max(1, this.catalog.merchandiseCount - excluded.size);
    return (index) => smoothedShare(this.baskets.count(index), total, uniform);
  }

  /**
   * The chance that the next add is `index`, knowing that `anchor` is in the
   * cart: the share of the anchor's basket pairs that go to the item,
   * smoothed towards its share of all purchases. Pairs with excluded items
   * (the rest of the cart) are left out of the total, as they cannot be next.
   * Without an anchor (or any pairs) it is the purchase share alone.
   */
  private pairNextItem(anchor: number | undefined, excludeIds: readonly string[]): (index: number) => number {
    const excluded = new Set(this.indexesOf(excludeIds).filter((i) => i !== anchor));
    const base = this.purchaseShare(excluded);
    let pairs = anchor === undefined ? 0 : this.baskets.pairTotal(anchor);
    if (anchor !== undefined) for (const other of excluded) pairs -= this.baskets.together(anchor, other);
    return (index) => smoothedShare(anchor === undefined ? 0 : this.baskets.together(anchor, index), pairs, base(index));
  }

  /**
   * Each item's share of a counter's current total over the merchandise,
   * smoothed towards an even share (a shop with no activity yet). Items
   * excluded by the request (the cart, what the shopper already has) cannot
   * be the next add: their share is left out of the total. Other filters do
   * not change it.
   */
  private interestShare(counter: DecayingCounters, now: number, excludeIds: readonly string[] = []): (index: number) => number {
    const excluded = new Set(this.indexesOf(excludeIds));
    let total = 0;
    let count = 0;
    for (const item of this.catalog.all()) {
      if (!item.merchandise || item.archived || excluded.has(item.index)) continue;
      total += counter.valueAt(item.index, now);
      count += 1;
    }
    const uniform = 1 / Math.max(1, count);
    return (index) => smoothedShare(counter.valueAt(index, now), total, uniform);
  }

  /**
   * The aisle cap of one served list. Off where one aisle is the point: lists
   * asked for one category (a filter, `popular(category:)`), similar items,
   * buy-it-again, recently viewed and free text naming a product.
   */
  private capFor(request: Served, diverse: boolean): AisleCap {
    if (request.cap) return request.cap;
    if (!diverse || request.filter?.categoryId) return AisleCap.off();
    return new AisleCap(request.first, this.options.maxCategoryShare);
  }

  /** The evidence, then how the item fits the shopper's diet and budget, when the shopper has them. */
  private withFit(evidence: string, item: CatalogFacts, request: ListRequest): string {
    const shopper = request.shopper ?? anonymousShopper;
    return joinReason(evidence, fitsShopper(shopper.dietaryRestrictions, shopper.remainingBudgetCents, item.effectivePriceCents, item.currency));
  }

  /** A strategy's own result: it is named in servedBy only if it produced items. */
  private primary(items: Recommendation[], strategy: Strategy, emptyReason: string): RecommendationList {
    return items.length > 0 ? { items, servedBy: [strategy] } : { items, servedBy: [], emptyReason };
  }


  private explainForCart(
    item: CatalogFacts,
    score: number,
    confidence: number,
    link: number | undefined,
    shopper: ShopperContext,
    constraints: CompiledConstraints,
  ): Recommendation {
    const linked = link === undefined ? undefined : this.catalog.get(link);
    const fit = fitsShopper(shopper.dietaryRestrictions, shopper.remainingBudgetCents, item.effectivePriceCents, item.currency);
    const evidence = linked ? boughtWith(linked.name, this.baskets.together(linked.index, item.index), this.baskets.count(linked.index)) : undefined;
    if (!linked && shopper.remainingBudgetCents !== null) {
      return this.recommendation(item, score, confidence, 'BUDGET', fitOnly(fit, 'Completes baskets like yours'), 'CART');
    }
    if (shopper.sustainability !== 'NONE' && isSustainable(item)) {
      const green = `a sustainable choice (score ${item.sustainabilityScore ?? '–'})`;
      return this.recommendation(item, score, confidence, 'SUSTAINABILITY', evidence ? joinReason(evidence, [green, ...fit]) : fitOnly([green, ...fit], green), 'CART');
    }
    if (!linked && constraints.nearbyStores.size > 0 && item.storeIds.some((s) => constraints.nearbyStores.has(s))) {
      return this.recommendation(item, score, confidence, 'BOUGHT_TOGETHER', joinReason('In stock at a store near you', fit), 'CART');
    }
    return this.recommendation(item, score, confidence, 'BOUGHT_TOGETHER', joinReason(evidence ?? 'Completes baskets like yours', fit), 'CART');
  }

  /** For shoppers who care: a lower-carbon item from the same category as a cart item. */
  private lowerCarbonAlternatives(
    context: readonly number[],
    shopper: ShopperContext,
    constraints: CompiledConstraints,
    already: readonly Recommendation[],
    first: number,
    cap: AisleCap,
    nextItem: (index: number) => number,
  ): Recommendation[] {
    if (shopper.sustainability === 'NONE' || already.length >= first) return [];
    const taken = new Set(already.map((r) => r.productId));
    const found: Recommendation[] = [];
    for (const index of context) {
      const inCart = this.catalog.get(index);
      if (!inCart?.categoryId || inCart.carbonFootprintKg === null) continue;
      let best: CatalogFacts | undefined;
      for (const other of this.catalog.category(inCart.categoryId)) {
        const item = this.catalog.get(other);
        if (!item || taken.has(item.productId) || item.carbonFootprintKg === null || !constraints.accepts(item) || !cap.allows(item)) continue;
        if (item.carbonFootprintKg < inCart.carbonFootprintKg * 0.8 && (!best || item.carbonFootprintKg < best.carbonFootprintKg!)) best = item;
      }
      if (best) {
        taken.add(best.productId);
        cap.take(best);
        const saving = Math.round((1 - best.carbonFootprintKg! / inCart.carbonFootprintKg) * 100);
        // Its chance as the basket model sees it (ranked last: no higher than the items above it).
        const floor = already.length > 0 ? already[already.length - 1]!.confidence : 1;
        found.push(this.recommendation(best, 0, Math.min(floor, nextItem(best.index)), 'SUSTAINABILITY', `Lower-carbon alternative to ${inCart.name} (${saving}% less CO2e)`, 'ECO'));
      }
      if (already.length + found.length >= first) break;
    }
    return found;
  }

  /**
   * Fills a short list: popular in the context's main category, then popular
   * overall, both under the same constraints and the list's aisle cap —
   * unless the caller asked for strict. Only what adds items is named.
   */
  private withFallback(list: RecommendationList, context: readonly number[], request: ListRequest, constraints: CompiledConstraints, cap: AisleCap): RecommendationList {
    if (request.strict || list.items.length >= request.first) return list;
    const taken = new Set(list.items.map((r) => r.productId));
    const now = this.options.now();
    const categoryCounts = new Map<string, number>();
    for (const index of context) {
      const category = this.catalog.get(index)?.categoryId;
      if (category) categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + 1);
    }
    const mainCategory = [...categoryCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const anchorName = context.length === 1 ? this.catalog.get(context[0]!)?.name : undefined;
    const items = [...list.items];
    const servedBy = [...list.servedBy];
    let share: ((index: number) => number) | undefined;
    const fill = (accept: (item: CatalogFacts) => boolean, strategy: Strategy, reason: (active: boolean) => string) => {
      const before = items.length;
      const ranked = this.rankAll(
        { ...constraints, accepts: (item) => !taken.has(item.productId) && accept(item) && constraints.accepts(item) },
        request.first - items.length,
        (i) => this.popularity.valueAt(i, now) + 1e-6,
        cap,
        () => (share ??= this.interestShare(this.popularity, now, [...(request.filter?.excludeIds ?? []), ...context.map((i) => this.items.idAt(i))])),
      );
      for (const { item, score, confidence } of ranked) {
        taken.add(item.productId);
        items.push(this.recommendation(item, score, confidence, 'POPULAR', this.withFit(reason(score > ACTIVE), item, request), 'POP'));
      }
      if (items.length > before) servedBy.push(strategy);
    };
    if (mainCategory) {
      const inCategory = this.catalog.category(mainCategory);
      fill((item) => inCategory.has(item.index), 'POPULAR_IN_CATEGORY', (active) => popularReason(active, 'aisle', anchorName));
    }
    if (items.length < request.first) fill(() => true, 'POPULAR', (active) => popularReason(active, 'shop'));
    if (items.length > 0) return { items, servedBy };
    return { items, servedBy, emptyReason: list.emptyReason ?? 'No item passes the filters' };
  }

  private recommendation(item: CatalogFacts, score: number, confidence: number, type: RecommendationType, reason: string, code: string): Recommendation {
    return {
      productId: item.productId,
      score: Math.round(score * 1e6) / 1e6,
      confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000,
      type,
      reason,
      // Opaque to clients: which list served which item. Deterministic and
      // the same on every replica, so a cached answer equals a fresh one.
      recommendationId: `${code}.${crypto.createHash('sha1').update(`${code}|${item.productId}`).digest('base64url').slice(0, 16)}`,
    };
  }
}

/** What content similarity reads of a product: its snapshot's text, nutrition and regular price, the projection's category path and eligibility. */
function contentFeaturesOf(snapshot: ProductSnapshot, facts: CatalogFacts) {
  return contentFeatures({
    productId: facts.productId,
    name: snapshot.name,
    brand: snapshot.brand,
    tags: snapshot.tags,
    description: snapshot.description ?? '',
    categoryPath: facts.categoryPath,
    dietaryTags: facts.dietaryTags,
    nutrition: snapshot.nutrition ?? null,
    priceCents: toCents(snapshot.price),
    eligible: facts.merchandise && !facts.archived,
  });
}

/** Bumped whenever the meaning of a snapshot's fields changes: an older one is not restored (the host rebuilds). */
export const SNAPSHOT_VERSION = 2;

export interface EngineSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** The id dictionary: item i is items[i] everywhere below. */
  items: string[];
  baskets: PackedCoOccurrence;
  behaviour: PackedCoOccurrence;
  popularity: PackedCounters;
  trendShort: PackedCounters;
  trendLong: PackedCounters;
  shoppers: PackedShoppers;
  lastEventAt: number;
  /** Distinct interactions learned; absent in snapshots written before it was kept (counted from 0 then). */
  interactionCount?: number;
  /** The last interaction-stream entry this engine had learned (set by its host). */
  streamPosition?: string | null;
  /** The fitted basket model, when it matches the counts above: restored without a new fit. */
  basketModel?: FittedBasketModel;
}

/**
 * Why a snapshot (as decoded from storage) cannot be restored safely, or null
 * when it can: indexes in range, offsets consistent. A damaged snapshot is
 * then ignored rather than misread.
 */
export function snapshotProblem(snapshot: EngineSnapshot): string | null {
  if (snapshot.version !== SNAPSHOT_VERSION) return `version ${String(snapshot.version)}`;
  const itemCount = snapshot.items.length;
  if (new Set(snapshot.items).size !== itemCount) return 'items';
  for (const [name, co] of [['baskets', snapshot.baskets], ['behaviour', snapshot.behaviour]] as const) {
    const problem = packedCoOccurrenceProblem(co, itemCount);
    if (problem) return `${name}: ${problem}`;
  }
  for (const [name, counters] of [['popularity', snapshot.popularity], ['trendShort', snapshot.trendShort], ['trendLong', snapshot.trendLong]] as const) {
    if (counters.values.length !== counters.stamps.length || !(counters.halfLifeMs > 0)) return name;
  }
  const shoppers = packedShoppersProblem(snapshot.shoppers, itemCount);
  if (shoppers) return `shoppers: ${shoppers}`;
  return null;
}
