import { defaultEngineOptions, RecommendationEngine, type EngineOptions, type RecommendationList } from '../engine/recommendationEngine';
import type { BasketModelOptions } from '../engine/basketModel';
import { basketSplit, userSplit, type HoldOutCase, type Split } from './basketSplits';
import { CalibrationAccumulator } from './calibration';
import type { EvaluationData } from './evaluationData';
import { RankingAccumulator, selfInformation, type RankingMetrics } from './rankingMetrics';

/**
 * The strategies measured. The first five work on a basket alone; the last
 * three need the shopper's own history (order histories only).
 */
export const BASKET_STRATEGIES = ['CART_COMPLETION', 'BASKET_MODEL', 'CO_OCCURRENCE', 'SIMILAR', 'POPULAR'] as const;
export const SHOPPER_STRATEGIES = ['BUY_IT_AGAIN', 'PERSONALIZED', 'AUTO'] as const;
export type EvaluatedStrategy = (typeof BASKET_STRATEGIES)[number] | (typeof SHOPPER_STRATEGIES)[number] | 'CART_COMPLETION_TUNED';

export const STRATEGY_LABELS: Record<EvaluatedStrategy, string> = {
  CART_COMPLETION: 'cart completion as served (`Cart.suggestions`: EASE + pairs + popularity prior, popular fill)',
  CART_COMPLETION_TUNED: 'cart completion, EASE λ and prior tuned on a validation part of each training set',
  BASKET_MODEL: 'basket model only (EASE weights, no pairs, no prior, no fill)',
  CO_OCCURRENCE: 'co-occurrence only (`frequentlyBoughtTogether` of each cart item, summed)',
  SIMILAR: 'similar items (`similarItems` of each cart item, summed)',
  POPULAR: 'popularity (`popular`)',
  BUY_IT_AGAIN: "buy it again (the shopper's own purchase counts)",
  PERSONALIZED: "personalised (`Shopper.recommendations(strategy: PERSONALIZED)`, from the shopper's history, popular fill)",
  AUTO: '`Shopper.recommendations(strategy: AUTO)` (personalised, trending, popular)',
};

export type Protocol =
  /** Random 80/20 splits by basket (no shoppers): the groceries protocol. */
  | { kind: 'baskets'; splits: number; seedBase: number }
  /** A random 20 % of shoppers, each one's last basket held out: the order-history protocol. */
  | { kind: 'users'; splits: number; seedBase: number };

export interface TuningGrid {
  lambdaPerBasket: readonly number[];
  popularityWeight: readonly number[];
}

export interface EvaluateOptions {
  protocol: Protocol;
  engine?: EngineOptions;
  /** Tune the basket model on a validation part of each training set (CART_COMPLETION_TUNED). */
  tuning?: TuningGrid;
  k?: number;
  /** Only these strategies (default: every one the protocol allows). */
  only?: readonly EvaluatedStrategy[];
  /** Called after each split, for progress lines. */
  progress?: (split: SplitResult) => void;
}

export interface SplitResult {
  split: number;
  trainBaskets: number;
  testCases: number;
  metrics: Partial<Record<EvaluatedStrategy, RankingMetrics>>;
  calibration: Partial<Record<EvaluatedStrategy, CalibrationAccumulator>>;
  /** The basket-model options the validation part chose (tuning only). */
  tuned?: Pick<BasketModelOptions, 'lambdaPerBasket' | 'popularityWeight'>;
}

/** The data set ready for splitting: merchandise only, baskets as item indexes, ordered by basket id. */
export interface Prepared {
  ids: string[];
  baskets: number[][];
  shoppers: string[];
  /** Each basket's time. */
  at: number[];
  catalog: ReadonlySet<string>;
}

/**
 * Fees, deposits, gift cards and services are not goods to recommend: they
 * are left out of every basket before splitting, so they are neither hidden
 * (nothing should find them) nor context (the engine ignores them anyway).
 */
export function prepareBaskets(data: EvaluationData): Prepared {
  const merchandise = new Set(data.catalog.filter((p) => (p.kind ?? 'MERCHANDISE') === 'MERCHANDISE' && !p.archived).map((p) => p.productId));
  // By id, not by time: an import stamps baskets without times as they are written, so their
  // order in time differs between runs while their ids (derived from the file) do not.
  const ordered = [...data.baskets].sort((a, b) => a.basketId.localeCompare(b.basketId));
  const ids: string[] = [];
  const position = new Map<string, number>();
  const baskets: number[][] = [];
  const shoppers: string[] = [];
  const at: number[] = [];
  for (const basket of ordered) {
    const items = basket.items.filter((id) => merchandise.has(id));
    if (items.length === 0) continue;
    baskets.push(
      items.map((id) => {
        let at = position.get(id);
        if (at === undefined) position.set(id, (at = ids.push(id) - 1));
        return at;
      }),
    );
    shoppers.push(basket.shopperId);
    at.push(basket.at);
  }
  return { ids, baskets, shoppers, at, catalog: merchandise };
}

type Recommender = (context: string[], shopperId: string, first: number) => RecommendationList;

/**
 * The offline protocols of ../shared/data/README.md, run through the serving
 * engine itself: for each split a fresh engine learns the training baskets
 * exactly as it learns live purchases (event by event, then a refit), and
 * each held-out case is ranked with the calls the graph makes, top k as served.
 *
 * The history is treated as one period: every training event is stamped with
 * the same instant, so popularity is a count of baskets, as in the published
 * baselines (the engine's decay of old activity is not measured here).
 */
export function evaluate(data: EvaluationData, options: EvaluateOptions): SplitResult[] {
  const prepared = prepareBaskets(data);
  const engineOptions = options.engine ?? defaultEngineOptions;
  const k = options.k ?? 10;
  const results: SplitResult[] = [];
  for (let split = 0; split < options.protocol.splits; split++) {
    const seed = options.protocol.seedBase + split;
    const { train, test } = splitFor(prepared, options.protocol, seed);
    const allowed: EvaluatedStrategy[] = options.protocol.kind === 'users' ? [...BASKET_STRATEGIES, ...SHOPPER_STRATEGIES] : [...BASKET_STRATEGIES];
    const strategies = allowed.filter((s) => !options.only || options.only.includes(s));
    const result: SplitResult = { split, trainBaskets: train.length, testCases: test.length, metrics: {}, calibration: {} };
    const bits = bitsOf(prepared, train);

    const engine = trainEngine(data, prepared, train, engineOptions);
    const basketOnly = !strategies.includes('BASKET_MODEL') ? engine : trainEngine(data, prepared, train, { ...engineOptions, basketModel: { ...engineOptions.basketModel, pairWeight: 0, popularityWeight: 0 } });
    for (const strategy of strategies) {
      const recommend = recommenderFor(strategy, strategy === 'BASKET_MODEL' ? basketOnly : engine, data.catalog.length);
      const { metrics, calibration } = measure(prepared, test, recommend, k, bits);
      result.metrics[strategy] = metrics;
      result.calibration[strategy] = calibration;
    }

    if (options.tuning) {
      const tuned = tune(data, prepared, train, engineOptions, options.tuning, seed, k);
      const tunedEngine = trainEngine(data, prepared, train, { ...engineOptions, basketModel: { ...engineOptions.basketModel, ...tuned } });
      const { metrics, calibration } = measure(prepared, test, recommenderFor('CART_COMPLETION', tunedEngine, data.catalog.length), k, bits);
      result.metrics.CART_COMPLETION_TUNED = metrics;
      result.calibration.CART_COMPLETION_TUNED = calibration;
      result.tuned = tuned;
    }
    options.progress?.(result);
    results.push(result);
  }
  return results;
}

function splitFor(prepared: Prepared, protocol: Protocol, seed: number): Split {
  return protocol.kind === 'baskets' ? basketSplit(prepared.baskets, seed) : userSplit(prepared.baskets, prepared.shoppers, prepared.at, seed);
}

/** Each item's self-information from the training baskets (novelty). */
function bitsOf(prepared: Prepared, train: readonly number[]): (id: string) => number {
  const counts = new Map<string, number>();
  for (const b of train) for (const item of prepared.baskets[b]!) counts.set(prepared.ids[item]!, (counts.get(prepared.ids[item]!) ?? 0) + 1);
  return (id) => selfInformation(counts.get(id) ?? 0, train.length);
}

function trainEngine(data: EvaluationData, prepared: Prepared, train: readonly number[], options: EngineOptions): RecommendationEngine {
  const at = options.now();
  const engine = new RecommendationEngine(options);
  for (const product of data.catalog) engine.applyProduct(product);
  let n = 0;
  // In time order, so each shopper's history ends with their latest basket.
  for (const b of [...train].sort((x, y) => prepared.at[x]! - prepared.at[y]! || x - y)) {
    for (const item of prepared.baskets[b]!) {
      engine.ingest({ eventId: `e${n++}`, shopperId: prepared.shoppers[b]!, type: 'PURCHASE', productId: prepared.ids[item]!, basketId: `b${b}`, occurredAt: at });
    }
  }
  engine.refit();
  return engine;
}

function recommenderFor(strategy: EvaluatedStrategy, engine: RecommendationEngine, everything: number): Recommender {
  switch (strategy) {
    case 'CART_COMPLETION':
    case 'CART_COMPLETION_TUNED':
      return (context, _, first) => engine.cartSuggestions(context, { first });
    case 'BASKET_MODEL':
      return (context, _, first) => engine.cartSuggestions(context, { first, strict: true });
    case 'CO_OCCURRENCE':
      // The rest of the cart is excluded, as a cart page would: it cannot be the next add, so it takes no share of the confidence.
      return (context, _, first) => mergeLists(context.map((id) => engine.frequentlyBoughtTogether(id, { first: everything, strict: true, filter: { excludeIds: context } })), first, context);
    case 'SIMILAR':
      return (context, _, first) => mergeLists(context.map((id) => engine.similar(id, { first: everything, strict: true, filter: { excludeIds: context } })), first, context);
    case 'POPULAR':
      return (context, _, first) => engine.popular({ first, filter: { excludeIds: context } });
    case 'BUY_IT_AGAIN':
      return (context, shopper, first) => engine.buyItAgain(shopper, { first, filter: { excludeIds: context } });
    case 'PERSONALIZED':
      return (context, shopper, first) => engine.personalized(shopper, { first, filter: { excludeIds: context } });
    case 'AUTO':
      return (context, shopper, first) => engine.auto(shopper, { first, filter: { excludeIds: context } });
  }
}

function measure(
  prepared: Prepared,
  test: readonly HoldOutCase[],
  recommend: Recommender,
  k: number,
  bits: (id: string) => number,
): { metrics: RankingMetrics; calibration: CalibrationAccumulator } {
  const ranking = new RankingAccumulator(k, prepared.catalog, bits);
  const calibration = new CalibrationAccumulator();
  for (const testCase of test) {
    const context = testCase.context.map((i) => prepared.ids[i]!);
    const hidden = prepared.ids[testCase.hidden]!;
    const served = recommend(context, prepared.shoppers[testCase.basket]!, k).items.slice(0, k);
    ranking.add(
      served.map((r) => r.productId),
      hidden,
    );
    for (const item of served) calibration.add(item.confidence, item.productId === hidden);
  }
  return { metrics: ranking.result(), calibration };
}

/**
 * Picks the basket-model options with the best HR@k (then NDCG@k) on a
 * validation part (20 %) of the training baskets, trained on the rest: the
 * test baskets are never looked at.
 */
function tune(data: EvaluationData, prepared: Prepared, train: readonly number[], options: EngineOptions, grid: TuningGrid, seed: number, k: number): Pick<BasketModelOptions, 'lambdaPerBasket' | 'popularityWeight'> {
  const inner = basketSplit(
    train.map((b) => prepared.baskets[b]!),
    seed + 7919,
  );
  const innerTrain = inner.train.map((i) => train[i]!);
  const validation = inner.test.map((c) => ({ ...c, basket: train[c.basket]! }));
  const bits = bitsOf(prepared, innerTrain);
  let best: { lambdaPerBasket: number; popularityWeight: number; hitRate: number; ndcg: number } | undefined;
  for (const lambdaPerBasket of grid.lambdaPerBasket) {
    for (const popularityWeight of grid.popularityWeight) {
      const engine = trainEngine(data, prepared, innerTrain, { ...options, basketModel: { ...options.basketModel, lambdaPerBasket, popularityWeight } });
      const { metrics } = measure(prepared, validation, recommenderFor('CART_COMPLETION', engine, data.catalog.length), k, bits);
      if (!best || metrics.hitRate > best.hitRate || (metrics.hitRate === best.hitRate && metrics.ndcg > best.ndcg)) best = { lambdaPerBasket, popularityWeight, hitRate: metrics.hitRate, ndcg: metrics.ndcg };
    }
  }
  return { lambdaPerBasket: best!.lambdaPerBasket, popularityWeight: best!.popularityWeight };
}

/** Sums per-item lists into one ranking for a basket (frequently bought together and similar have one anchor). */
function mergeLists(lists: RecommendationList[], first: number, exclude: string[]): RecommendationList {
  const scores = new Map<string, { score: number; confidence: number }>();
  const taken = new Set(exclude);
  for (const list of lists) {
    for (const item of list.items) {
      if (taken.has(item.productId)) continue;
      const seen = scores.get(item.productId) ?? { score: 0, confidence: 0 };
      // The merged item's confidence is its best anchor's: the one link the list would show.
      scores.set(item.productId, { score: seen.score + item.score, confidence: Math.max(seen.confidence, item.confidence) });
    }
  }
  const items = [...scores]
    .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
    .slice(0, first)
    .map(([productId, { score, confidence }]) => ({ productId, score, confidence, type: 'BOUGHT_TOGETHER' as const, reason: '', recommendationId: '' }));
  return { items, servedBy: ['FREQUENTLY_BOUGHT_TOGETHER'] };
}
