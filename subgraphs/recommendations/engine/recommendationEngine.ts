import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { InteractionType, ProductSnapshot } from '../../../platform/events/topics';
import { BasketModel, defaultBasketModelOptions, type BasketModelOptions, type FittedBasketModel } from './basketModel';
import { CatalogProjection, type CatalogFacts, type StorePoint } from './catalogProjection';
import { CoOccurrence } from './coOccurrence';
import { compileConstraints, isSustainable, anonymousShopper, type CompiledConstraints, type RecommendationFilter, type ShopperContext } from './constraints';
import { DecayingCounters } from './decayingCounters';
import { ItemIndex } from './itemIndex';
import { RecentMap } from './recentSet';
import { fromCents } from './money';
import { Scopes } from './scopes';
import { selectDiverse, type Candidate } from './selection';
import { stemsOf, wordStem } from './wordStem';

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
  /** 0–1. */
  confidence: number;
  type: RecommendationType;
  reason: string;
  /** Echo it in trackEvent to attribute clicks and purchases. */
  recommendationId: string;
}

export interface RecommendationList {
  items: Recommendation[];
  /** Strategies that contributed, primary first; fallbacks follow when filters left too few. */
  servedBy: Strategy[];
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
  maxShoppers: 200_000,
  now: () => Date.now(),
};

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
/** Co-engagement links a new item to this many of the shopper's latest items: older ones say little. */
const BEHAVIOUR_WINDOW = 15;
const OPEN_BASKETS = 50_000;
const SEEN_EVENTS = 200_000;

interface ShopperHistory {
  /** Most recent last; distinct products. */
  recent: { item: number; type: InteractionType; at: number }[];
  purchases: Map<number, { count: number; lastAt: number }>;
}

interface ListRequest {
  first: number;
  filter?: RecommendationFilter;
  shopper?: ShopperContext;
  /** No fallback: only items the primary strategy produced. */
  strict?: boolean;
}

const CURRENCY_SYMBOL: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

function formatMoney(cents: number, currency: string): string {
  const symbol = CURRENCY_SYMBOL[currency];
  return symbol ? `${symbol}${fromCents(cents)}` : `${fromCents(cents)} ${currency}`;
}

/**
 * The recommendation engine: every model, updated event by event, and the
 * one code path that serves the graph, the evaluation and the benchmark.
 */
export class RecommendationEngine {
  readonly items = new ItemIndex();
  readonly catalog = new CatalogProjection(this.items);
  /** Purchases that shared a basket. */
  readonly baskets = new CoOccurrence();
  /** Products the same shopper engaged with: "shoppers who viewed this also viewed". */
  readonly behaviour = new CoOccurrence();
  private basketModel: BasketModel;
  /** The basket counts' mutation count when the model was fitted (a snapshot keeps the fit only if they still match). */
  private fittedAt = -1;
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
    return [Scopes.product(productId), Scopes.engagedWith(productId), ...path.slice(-2).map(Scopes.category)];
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
      for (const other of this.baskets.pairs[facts.index]?.keys() ?? []) this.changed.add(Scopes.boughtWith(this.items.idAt(other)));
      for (const other of this.behaviour.pairs[facts.index]?.keys() ?? []) this.changed.add(Scopes.engagedWith(this.items.idAt(other)));
    }
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

  /** Refits the basket model on everything counted so far (the periodic "train"). */
  refit(): void {
    this.basketModel = BasketModel.fit(this.baskets, this.items.size, this.options.basketModel);
    this.fittedAt = this.baskets.mutations;
    this.behaviourVersion += 1;
    this.changed?.add(Scopes.model);
  }

  // ---- serving ------------------------------------------------------------

  /** Cart completion: what goes with everything in the cart, within the shopper's constraints. */
  cartSuggestions(productIds: readonly string[], request: ListRequest): RecommendationList {
    const shopper = request.shopper ?? anonymousShopper;
    // A fee in the cart says nothing about what else goes in it.
    const context = this.indexesOf(productIds).filter((index) => this.catalog.isMerchandise(index));
    const constraints = compileConstraints({ ...request.filter, excludeIds: [...(request.filter?.excludeIds ?? []), ...productIds] }, shopper, this.catalog);
    const scores = new Float64Array(this.items.size);
    if (context.length > 0) this.basketModel.score(context, scores);
    const candidates: Candidate[] = [];
    for (let i = 0; i < scores.length; i++) {
      const item = this.catalog.get(i);
      if (!item || scores[i]! <= 0 || !constraints.accepts(item)) continue;
      candidates.push({ item, score: scores[i]! * constraints.boost(item) });
    }
    const chosen = selectDiverse(candidates, request.first, { maxCategoryShare: this.options.maxCategoryShare });
    const items = chosen.map(({ item, score }) => {
      const link = this.basketModel.strongestLink(context, item.index);
      const confidence = this.basketModel.confidence(context, item.index);
      return this.explainForCart(item, score, confidence, link, shopper, constraints);
    });
    items.push(...this.lowerCarbonAlternatives(context, shopper, constraints, items, request.first));
    return this.withFallback({ items: items.slice(0, request.first), servedBy: ['CART_COMPLETION'] }, context, request, constraints);
  }

  /** Complements of one product, by lift over how often each is bought anyway. */
  frequentlyBoughtTogether(productId: string, request: ListRequest): RecommendationList {
    const anchor = this.items.indexOf(productId);
    const constraints = this.constraintsFor(request, [productId]);
    const candidates: Candidate[] = [];
    const confidence = new Map<number, number>();
    if (anchor !== undefined) {
      const baskets = Math.max(1, this.baskets.baskets);
      const anchorCount = this.baskets.count(anchor);
      for (const [other, together] of this.baskets.pairs[anchor] ?? []) {
        const item = this.catalog.get(other);
        if (!item || !constraints.accepts(item)) continue;
        const base = this.baskets.count(other) / baskets;
        const conditional = (together + this.options.pairShrinkage * base) / (anchorCount + this.options.pairShrinkage);
        // Lift discounts staples: milk is in every basket, so it says little about this one.
        const lift = conditional / Math.max(base, 1e-9);
        confidence.set(other, conditional);
        candidates.push({ item, score: conditional * Math.sqrt(lift) * constraints.boost(item) });
      }
    }
    const anchorName = this.catalog.get(anchor ?? -1)?.name ?? 'this item';
    const chosen = selectDiverse(candidates, request.first, { maxCategoryShare: this.options.maxCategoryShare });
    const items = chosen.map(({ item, score }) =>
      this.recommendation(item, score, confidence.get(item.index) ?? 0, 'BOUGHT_TOGETHER', `Often bought with ${anchorName}`, 'FBT'),
    );
    return this.withFallback({ items, servedBy: ['FREQUENTLY_BOUGHT_TOGETHER'] }, anchor === undefined ? [] : [anchor], request, constraints);
  }

  /** Items like this one: its description and category, blended with what the same shoppers engaged with. */
  similar(productId: string, request: ListRequest): RecommendationList {
    const anchorIndex = this.items.indexOf(productId);
    const anchor = anchorIndex === undefined ? undefined : this.catalog.get(anchorIndex);
    const constraints = this.constraintsFor(request, [productId]);
    const scores = new Map<number, number>();
    if (anchor) {
      const leaf = anchor.categoryId ? this.catalog.category(anchor.categoryId) : new Set<number>();
      const parentId = anchor.categoryPath.length > 1 ? anchor.categoryPath[anchor.categoryPath.length - 2]! : null;
      const siblings = parentId ? this.catalog.category(parentId) : new Set<number>();
      for (const index of new Set([...leaf, ...siblings])) {
        const item = this.catalog.get(index);
        if (!item || index === anchor.index) continue;
        scores.set(index, 0.6 * this.contentSimilarity(anchor, item, leaf.has(index)));
      }
      const anchorCount = this.behaviour.count(anchor.index);
      for (const [other, together] of this.behaviour.pairs[anchor.index] ?? []) {
        const cosine = together / Math.sqrt((anchorCount + this.options.pairShrinkage) * (this.behaviour.count(other) + this.options.pairShrinkage));
        scores.set(other, (scores.get(other) ?? 0) + 0.4 * cosine);
      }
    }
    const candidates: Candidate[] = [];
    for (const [index, score] of scores) {
      const item = this.catalog.get(index);
      if (item && score > 0 && constraints.accepts(item)) candidates.push({ item, score: score * constraints.boost(item) });
    }
    // Similar items are meant to share a category: no diversity cap here.
    const chosen = selectDiverse(candidates, request.first, { maxCategoryShare: 1 });
    const items = chosen.map(({ item, score }) =>
      this.recommendation(item, score, Math.min(1, score), 'SIMILAR', `Similar to ${anchor?.name ?? 'this item'}`, 'SIM'),
    );
    return this.withFallback({ items, servedBy: ['SIMILAR'] }, anchor ? [anchor.index] : [], request, constraints);
  }

  popular(request: ListRequest): RecommendationList {
    const constraints = this.constraintsFor(request, []);
    const now = this.options.now();
    const label = request.filter?.categoryId ? 'Popular in this category' : 'Popular with shoppers';
    // A tiny floor keeps a new shop (no interactions yet) from answering with nothing.
    const items = this.rankAll(constraints, request.first, (i) => this.popularity.valueAt(i, now) + 1e-6).map(({ item, score }, _, all) =>
      this.recommendation(item, score, this.popularityConfidence(score, all), 'POPULAR', label, 'POP'),
    );
    return { items, servedBy: [request.filter?.categoryId ? 'POPULAR_IN_CATEGORY' : 'POPULAR'] };
  }

  /** Items whose interaction rate over the last hours rises above their daily rate. */
  trending(request: ListRequest): RecommendationList {
    const constraints = this.constraintsFor(request, []);
    const now = this.options.now();
    const shortScale = this.options.trendingShortHalfLifeMs / Math.LN2;
    const longScale = this.options.trendingLongHalfLifeMs / Math.LN2;
    const prior = 1 / longScale;
    const ranked = this.rankAll(constraints, request.first, (i) => {
      const recent = this.trendShort.valueAt(i, now);
      if (recent < 0.5) return 0;
      const rising = (recent / shortScale + prior) / (this.trendLong.valueAt(i, now) / longScale + prior);
      return rising > 1 ? Math.log1p(recent) * rising : 0;
    });
    const items = ranked.map(({ item, score }, _, all) => this.recommendation(item, score, this.share(score, all), 'TRENDING', 'Trending now', 'TRD'));
    return this.withFallback({ items, servedBy: ['TRENDING'] }, [], request, constraints);
  }

  /** From the shopper's own recent interactions, most recent and strongest first. */
  personalized(shopperId: string, request: ListRequest): RecommendationList {
    const history = this.shoppers.peek(shopperId);
    const constraints = this.constraintsFor(request, []);
    const scores = new Map<number, number>();
    /** For each candidate, the viewed item that contributed most: the reason shown. */
    const why = new Map<number, { source: number; value: number }>();
    if (history) {
      const seen = new Set(history.recent.map((r) => r.item));
      history.recent.forEach(({ item: source, type }, position) => {
        const recency = 0.85 ** (history.recent.length - 1 - position);
        const weight = INTEREST[type] * recency;
        const sourceCount = this.behaviour.count(source) + this.options.pairShrinkage;
        for (const [other, together] of this.behaviour.pairs[source] ?? []) {
          if (seen.has(other)) continue;
          const value = (weight * together) / Math.sqrt(sourceCount * (this.behaviour.count(other) + this.options.pairShrinkage));
          scores.set(other, (scores.get(other) ?? 0) + value);
          if (value > (why.get(other)?.value ?? 0)) why.set(other, { source, value });
        }
      });
    }
    const candidates: Candidate[] = [];
    for (const [index, score] of scores) {
      const item = this.catalog.get(index);
      if (item && constraints.accepts(item)) candidates.push({ item, score: score * constraints.boost(item) });
    }
    const chosen = selectDiverse(candidates, request.first, { maxCategoryShare: this.options.maxCategoryShare });
    const items = chosen.map(({ item, score }, _, all) => {
      const source = this.catalog.get(why.get(item.index)?.source ?? -1);
      return this.recommendation(item, score, this.share(score, all), 'PERSONALIZED', source ? `Because you looked at ${source.name}` : 'Picked for you', 'PER');
    });
    const context = history ? history.recent.map((r) => r.item) : [];
    return this.withFallback({ items, servedBy: ['PERSONALIZED'] }, context, request, constraints);
  }

  buyItAgain(shopperId: string, request: ListRequest): RecommendationList {
    const history = this.shoppers.peek(shopperId);
    const constraints = this.constraintsFor(request, []);
    const now = this.options.now();
    const candidates: Candidate[] = [];
    for (const [index, { count, lastAt }] of history?.purchases ?? []) {
      const item = this.catalog.get(index);
      const ageDays = Math.max(0, now - lastAt) / 86_400_000;
      if (item && constraints.accepts(item)) candidates.push({ item, score: count / (1 + ageDays / 30) });
    }
    const chosen = selectDiverse(candidates, request.first, { maxCategoryShare: 1 });
    const items = chosen.map(({ item, score }) => {
      const count = history!.purchases.get(item.index)!.count;
      return this.recommendation(item, score, Math.min(1, count / 5), 'BUY_IT_AGAIN', count > 1 ? `You bought this ${count} times` : 'You bought this before', 'BIA');
    });
    return { items, servedBy: ['BUY_IT_AGAIN'] };
  }

  recentlyViewed(shopperId: string, request: ListRequest): RecommendationList {
    const history = this.shoppers.peek(shopperId);
    const constraints = this.constraintsFor(request, []);
    const viewed = (history?.recent ?? []).filter((r) => r.type === 'VIEW' || r.type === 'CLICK').reverse();
    const items: Recommendation[] = [];
    for (const { item: index } of viewed) {
      const item = this.catalog.get(index);
      if (!item || !constraints.accepts(item)) continue;
      items.push(this.recommendation(item, 1 / (items.length + 1), 1, 'RECENTLY_VIEWED', 'You viewed this recently', 'RV'));
      if (items.length >= request.first) break;
    }
    return { items, servedBy: ['RECENTLY_VIEWED'] };
  }

  /**
   * Free-text keywords (from an intent) matched against names, brands and
   * tags. Items naming the product type (`productTerms`: "pizza" in "frozen
   * pizza") come first, then those matching more of the other words; only
   * then do popularity and, for a budget intent, a lower price order them.
   */
  matchKeywords(keywords: readonly string[], request: ListRequest & { cheapFirst?: boolean; productTerms?: readonly string[] }): RecommendationList {
    const constraints = this.constraintsFor(request, []);
    const now = this.options.now();
    const wanted = [...new Set(keywords.map((k) => k.toLowerCase()))];
    const product = [...new Set((request.productTerms ?? []).map((k) => wordStem(k)))];
    const others = wanted.map((k) => wordStem(k)).filter((k) => !product.includes(k));
    const matches = (stems: ReadonlySet<string>, word: string): boolean => stems.has(word) || (word.length >= 4 && [...stems].some((t) => t.startsWith(word)));
    const ranked = this.rankAll(constraints, request.first, (i) => {
      const item = this.catalog.get(i)!;
      const stems = stemsOf(item.tokens);
      const productShare = product.length === 0 ? 0 : product.filter((w) => matches(stems, w)).length / product.length;
      const otherShare = others.length === 0 ? 0 : others.filter((w) => matches(stems, w)).length / others.length;
      if (productShare === 0 && otherShare === 0) return 0;
      // Levels 2 apart, a tie-break below 1: no price or popularity lifts an item over a better word match.
      const price = request.cheapFirst ? 1 / (1 + item.effectivePriceCents / 500) : 1;
      const popularity = Math.log1p(this.popularity.valueAt(i, now));
      const tieBreak = 0.5 * price * (0.5 + 0.5 * (popularity / (1 + popularity)));
      return 1 + 4 * productShare + 2 * otherShare + tieBreak;
    });
    const label = `Matches “${wanted.join(' ')}”`;
    const items = ranked.map(({ item, score }, _, all) =>
      this.recommendation(item, score, this.share(score, all), request.cheapFirst ? 'BUDGET' : 'POPULAR', label, 'TXT'),
    );
    return this.withFallback({ items, servedBy: ['INTENT'] }, [], request, constraints);
  }

  /** The hybrid: personalised when the shopper has history, then trending and popular. */
  auto(shopperId: string | null, request: ListRequest): RecommendationList {
    const personal = shopperId ? this.personalized(shopperId, { ...request, strict: true }) : { items: [], servedBy: [] as Strategy[] };
    if (personal.items.length >= request.first) return personal;
    const taken = new Set(personal.items.map((r) => r.productId));
    const filter = { ...request.filter, excludeIds: [...(request.filter?.excludeIds ?? []), ...taken] };
    const trending = this.trending({ ...request, filter, strict: true, first: Math.ceil((request.first - personal.items.length) / 2) });
    for (const r of trending.items) taken.add(r.productId);
    const popular = this.popular({ ...request, filter: { ...filter, excludeIds: [...filter.excludeIds, ...taken] }, first: request.first - personal.items.length - trending.items.length });
    return {
      items: [...personal.items, ...trending.items, ...popular.items],
      servedBy: [
        ...(personal.items.length > 0 ? personal.servedBy : []),
        ...(trending.items.length > 0 ? trending.servedBy : []),
        ...(popular.items.length > 0 ? popular.servedBy : []),
      ],
    };
  }

  // ---- persistence --------------------------------------------------------

  /** Everything learned, as JSON: a restart loads it and serves at once. */
  toSnapshot(): EngineSnapshot {
    return {
      version: 1,
      items: [...this.items.allIds()],
      baskets: serializeCo(this.baskets),
      behaviour: serializeCo(this.behaviour),
      popularity: this.popularity.toJSON(),
      trendShort: this.trendShort.toJSON(),
      trendLong: this.trendLong.toJSON(),
      // Least recently active first, so that a restore ends in the same order.
      shoppers: [...(this.shoppers.rentries() as Iterable<[string, ShopperHistory]>)].map(([id, h]) => [
        id,
        h.recent.map((r) => [r.item, r.type, r.at] as [number, InteractionType, number]),
        [...h.purchases].map(([i, p]) => [i, p.count, p.lastAt] as [number, number, number]),
      ]),
      lastEventAt: this.lastEventAt,
      // Only a fit of exactly these counts: anything counted since would be missing from it.
      ...(this.fittedAt === this.baskets.mutations ? { basketModel: this.basketModel.fitted() } : {}),
    };
  }

  static fromSnapshot(snapshot: EngineSnapshot, options: EngineOptions = defaultEngineOptions): RecommendationEngine {
    const engine = new RecommendationEngine(options);
    for (const id of snapshot.items) engine.items.intern(id);
    restoreCo(engine.baskets, snapshot.baskets);
    restoreCo(engine.behaviour, snapshot.behaviour);
    engine.popularity = DecayingCounters.fromJSON(snapshot.popularity);
    engine.trendShort = DecayingCounters.fromJSON(snapshot.trendShort);
    engine.trendLong = DecayingCounters.fromJSON(snapshot.trendLong);
    for (const [id, recent, purchases] of snapshot.shoppers) {
      engine.shoppers.set(id, {
        recent: recent.map(([item, type, at]) => ({ item, type, at })),
        purchases: new Map(purchases.map(([item, count, lastAt]) => [item, { count, lastAt }])),
      });
    }
    engine.lastEventAt = snapshot.lastEventAt;
    const restored = snapshot.basketModel && BasketModel.restore(engine.baskets, engine.items.size, options.basketModel, snapshot.basketModel);
    if (restored) {
      engine.basketModel = restored;
      engine.fittedAt = engine.baskets.mutations;
    } else {
      engine.refit();
    }
    return engine;
  }

  // ---- internals ----------------------------------------------------------

  /** Removes every trace of an item from what was learned (counts, popularity, shopper histories); the next refit drops it from the basket model. */
  private forget(item: number): void {
    for (const other of this.baskets.pairs[item]?.keys() ?? []) this.changed?.add(Scopes.boughtWith(this.items.idAt(other)));
    for (const other of this.behaviour.pairs[item]?.keys() ?? []) this.changed?.add(Scopes.engagedWith(this.items.idAt(other)));
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
    if (!history) this.shoppers.set(event.shopperId, (history = { recent: [], purchases: new Map() }));
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

  private rankAll(constraints: CompiledConstraints, first: number, score: (index: number) => number): Candidate[] {
    const candidates: Candidate[] = [];
    for (const item of this.catalog.all()) {
      const value = score(item.index);
      if (value > 0 && constraints.accepts(item)) candidates.push({ item, score: value * constraints.boost(item) });
    }
    return selectDiverse(candidates, first, { maxCategoryShare: this.options.maxCategoryShare });
  }

  /** Relative confidence for lists with no probabilistic model: the item's share of the top score. */
  private share(score: number, all: readonly Candidate[]): number {
    const top = all[0]?.score ?? 0;
    return top > 0 ? Math.min(1, score / top) : 0;
  }

  /**
   * Popularity says little about fit: at most 0.5, and near 0 while the shop
   * has too little activity to tell items apart.
   */
  private popularityConfidence(score: number, all: readonly Candidate[]): number {
    const top = all[0]?.score ?? 0;
    return top > 0.01 ? 0.5 * Math.min(1, score / top) : 0.05;
  }

  private contentSimilarity(anchor: CatalogFacts, item: CatalogFacts, sameLeaf: boolean): number {
    let shared = 0;
    for (const token of anchor.tokens) if (item.tokens.has(token)) shared += 1;
    const union = anchor.tokens.size + item.tokens.size - shared || 1;
    const priceRatio = Math.abs(Math.log((item.effectivePriceCents + 1) / (anchor.effectivePriceCents + 1)));
    return (sameLeaf ? 0.5 : 0.25) + 0.35 * (shared / union) + 0.15 * Math.max(0, 1 - priceRatio);
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
    if (shopper.remainingBudgetCents !== null && !linked) {
      return this.recommendation(item, score, confidence, 'BUDGET', `Fits your remaining budget of ${formatMoney(shopper.remainingBudgetCents, item.currency)}`, 'CART');
    }
    if (shopper.sustainability !== 'NONE' && isSustainable(item)) {
      const reason = linked ? `Goes with ${linked.name}, and a sustainable choice (score ${item.sustainabilityScore ?? '–'})` : `A sustainable choice (score ${item.sustainabilityScore ?? '–'})`;
      return this.recommendation(item, score, confidence, 'SUSTAINABILITY', reason, 'CART');
    }
    if (constraints.nearbyStores.size > 0 && item.storeIds.some((s) => constraints.nearbyStores.has(s)) && !linked) {
      return this.recommendation(item, score, confidence, 'BOUGHT_TOGETHER', 'In stock at a store near you', 'CART');
    }
    const reason = linked ? `Often bought with ${linked.name}` : 'Completes baskets like yours';
    const withBudget =
      shopper.remainingBudgetCents !== null ? `${reason}; fits your remaining budget of ${formatMoney(shopper.remainingBudgetCents, item.currency)}` : reason;
    return this.recommendation(item, score, confidence, 'BOUGHT_TOGETHER', withBudget, 'CART');
  }

  /** For shoppers who care: a lower-carbon item from the same category as a cart item. */
  private lowerCarbonAlternatives(
    context: readonly number[],
    shopper: ShopperContext,
    constraints: CompiledConstraints,
    already: readonly Recommendation[],
    first: number,
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
        if (!item || taken.has(item.productId) || item.carbonFootprintKg === null || !constraints.accepts(item)) continue;
        if (item.carbonFootprintKg < inCart.carbonFootprintKg * 0.8 && (!best || item.carbonFootprintKg < best.carbonFootprintKg!)) best = item;
      }
      if (best) {
        taken.add(best.productId);
        const saving = Math.round((1 - best.carbonFootprintKg! / inCart.carbonFootprintKg) * 100);
        found.push(this.recommendation(best, 0, 0.5, 'SUSTAINABILITY', `Lower-carbon alternative to ${inCart.name} (${saving}% less CO2e)`, 'ECO'));
      }
      if (already.length + found.length >= first) break;
    }
    return found;
  }

  /**
   * Fills a short list: popular in the context's main category, then popular
   * overall, both under the same constraints — unless the caller asked for strict.
   */
  private withFallback(list: RecommendationList, context: readonly number[], request: ListRequest, constraints: CompiledConstraints): RecommendationList {
    if (request.strict || list.items.length >= request.first) return list;
    const taken = new Set(list.items.map((r) => r.productId));
    const now = this.options.now();
    const categoryCounts = new Map<string, number>();
    for (const index of context) {
      const category = this.catalog.get(index)?.categoryId;
      if (category) categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + 1);
    }
    const mainCategory = [...categoryCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const items = [...list.items];
    const servedBy = [...list.servedBy];
    const fill = (accept: (item: CatalogFacts) => boolean, strategy: Strategy, reason: string) => {
      const before = items.length;
      const ranked = this.rankAll(
        { ...constraints, accepts: (item) => !taken.has(item.productId) && accept(item) && constraints.accepts(item) },
        request.first - items.length,
        (i) => this.popularity.valueAt(i, now) + 1e-6,
      );
      for (const { item, score } of ranked) {
        taken.add(item.productId);
        items.push(this.recommendation(item, score, this.popularityConfidence(score, ranked), 'POPULAR', reason, 'POP'));
      }
      if (items.length > before) servedBy.push(strategy);
    };
    if (mainCategory) {
      const inCategory = this.catalog.category(mainCategory);
      fill((item) => inCategory.has(item.index), 'POPULAR_IN_CATEGORY', 'Popular in the same aisle');
    }
    if (items.length < request.first) fill(() => true, 'POPULAR', 'Popular with shoppers');
    return { items, servedBy };
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

export interface EngineSnapshot {
  version: 1;
  items: string[];
  baskets: SerializedCo;
  behaviour: SerializedCo;
  popularity: ReturnType<DecayingCounters['toJSON']>;
  trendShort: ReturnType<DecayingCounters['toJSON']>;
  trendLong: ReturnType<DecayingCounters['toJSON']>;
  shoppers: [string, [number, InteractionType, number][], [number, number, number][]][];
  lastEventAt: number;
  /** The last interaction-stream entry this engine had learned (set by its host). */
  streamPosition?: string | null;
  /** The fitted basket model, when it matches the counts above: restored without a new fit. */
  basketModel?: FittedBasketModel;
}

interface SerializedCo {
  baskets: number;
  counts: number[];
  /** [i, j, count] with i < j: each pair once. */
  pairs: number[];
}

function serializeCo(co: CoOccurrence): SerializedCo {
  const pairs: number[] = [];
  co.pairs.forEach((row, i) => {
    for (const [j, count] of row) if (i < j) pairs.push(i, j, count);
  });
  return { baskets: co.baskets, counts: Array.from(co.itemCounts), pairs };
}

function restoreCo(co: CoOccurrence, data: SerializedCo): void {
  co.baskets = data.baskets;
  co.itemCounts = Float64Array.from(data.counts);
  while (co.pairs.length < data.counts.length) co.pairs.push(new Map());
  for (let k = 0; k < data.pairs.length; k += 3) {
    const [i, j, count] = [data.pairs[k]!, data.pairs[k + 1]!, data.pairs[k + 2]!];
    co.pairs[i]!.set(j, count);
    co.pairs[j]!.set(i, count);
  }
}
