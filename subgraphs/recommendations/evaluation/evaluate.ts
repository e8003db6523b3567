import { defaultEngineOptions, RecommendationEngine, type EngineOptions, type Interaction, type RecommendationList } from '../engine/recommendationEngine';
import type { ProductSnapshot } from '../../../platform/events/topics';
import { basketSplit, type HoldOutCase } from './basketSplits';
import { RankingAccumulator, type RankingMetrics } from './rankingMetrics';

export type EvaluatedStrategy = 'CART_COMPLETION' | 'FREQUENTLY_BOUGHT_TOGETHER' | 'POPULAR';

export interface SplitResult {
  split: number;
  testCases: number;
  metrics: Record<EvaluatedStrategy, RankingMetrics>;
}

/**
 * The offline protocol of ../shared/data/README.md, run through the serving
 * engine itself: for each split, a fresh engine learns the training baskets
 * exactly as it learns live purchases, then ranks for each held-out basket
 * with the same calls the graph makes (top 10 as served, full list for MRR).
 */
export function evaluateBaskets(
  catalog: ProductSnapshot[],
  baskets: string[][],
  options: EngineOptions = defaultEngineOptions,
  splits = 5,
  seedBase = 1000,
): SplitResult[] {
  const results: SplitResult[] = [];
  const everything = catalog.length;
  for (let split = 0; split < splits; split++) {
    // Splits work on indexes; map them back to product ids for the engine.
    const ids = [...new Set(baskets.flat())];
    const position = new Map(ids.map((id, i) => [id, i]));
    const { train, test } = basketSplit(baskets.map((b) => b.map((id) => position.get(id)!)), seedBase + split);
    const engine = new RecommendationEngine(options);
    for (const product of catalog) engine.applyProduct(product);
    let n = 0;
    // Learned "now": popularity decays with age, and the evaluation asks about the present.
    const at = options.now();
    train.forEach((basket, b) => {
      for (const item of basket) {
        const event: Interaction = { eventId: `e${n++}`, shopperId: `s${b}`, type: 'PURCHASE', productId: ids[item]!, basketId: `b${b}`, occurredAt: at };
        engine.ingest(event);
      }
    });
    engine.refit();

    const strategies: Record<EvaluatedStrategy, (context: string[], first: number) => RecommendationList> = {
      CART_COMPLETION: (context, first) => engine.cartSuggestions(context, { first, strict: true }),
      FREQUENTLY_BOUGHT_TOGETHER: (context, first) => mergeLists(context.map((id) => engine.frequentlyBoughtTogether(id, { first: everything, strict: true })), first, context),
      POPULAR: (context, first) => engine.popular({ first, filter: { excludeIds: context } }),
    };
    const metrics = {} as Record<EvaluatedStrategy, RankingMetrics>;
    for (const [name, recommend] of Object.entries(strategies) as [EvaluatedStrategy, (c: string[], f: number) => RecommendationList][]) {
      const accumulator = new RankingAccumulator(10, everything);
      for (const testCase of test) rankCase(testCase, ids, recommend, accumulator, everything);
      metrics[name] = accumulator.result();
    }
    results.push({ split, testCases: test.length, metrics });
  }
  return results;
}

function rankCase(
  testCase: HoldOutCase,
  ids: string[],
  recommend: (context: string[], first: number) => RecommendationList,
  accumulator: RankingAccumulator,
  everything: number,
): void {
  const context = testCase.context.map((i) => ids[i]!);
  const hidden = ids[testCase.hidden]!;
  const served = recommend(context, 10).items.map((r) => r.productId);
  const full = recommend(context, everything).items.map((r) => r.productId);
  const servedRank = served.indexOf(hidden) + 1;
  const fullRank = full.indexOf(hidden) + 1;
  // HR and NDCG from the list a shopper would see; MRR from the whole ranking.
  const rank = servedRank > 0 ? servedRank : fullRank > 0 ? Math.max(11, fullRank) : Infinity;
  accumulator.add(rank, served.map((id) => ids.indexOf(id)));
}

/** Sums per-item lists into one ranking for a basket (frequently bought together has one anchor). */
function mergeLists(lists: RecommendationList[], first: number, exclude: string[]): RecommendationList {
  const scores = new Map<string, number>();
  const taken = new Set(exclude);
  for (const list of lists) for (const item of list.items) if (!taken.has(item.productId)) scores.set(item.productId, (scores.get(item.productId) ?? 0) + item.score);
  const items = [...scores]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, first)
    .map(([productId, score]) => ({ productId, score, confidence: 0, type: 'BOUGHT_TOGETHER' as const, reason: '', recommendationId: '' }));
  return { items, servedBy: ['FREQUENTLY_BOUGHT_TOGETHER'] };
}
