import { toCents } from '../engine/money';
import type { ShopperContext } from '../engine/constraints';
import type { RecommendationEngine, RecommendationList } from '../engine/recommendationEngine';
import type { Intent, IntentItem, IntentVocabulary } from '../intent/intent';
import { toFilter, type FilterInput } from '../requestArgs';
import type { RecommendationsContext } from '../context';
import { cachedList } from './cachedList';

export interface IntentListArgs {
  first: number;
  filter?: FilterInput | null;
  strict?: boolean | null;
}

export interface IntentListInput {
  /** The free text understood; null for a page's products or a category alone. */
  intent: Intent | null;
  /** One item of the intent ("eggs" of "milk, eggs and bread"), or null for the whole request. */
  item: IntentItem | null;
  productIds?: readonly string[] | null;
  categoryId?: string | null;
}

/**
 * The list recommend(context: { text }) serves for one item of a request: its
 * intent becomes filters (prices, diets, exclusions, organic only) and its
 * words are matched to product names (the product type first); products on
 * the page instead ask for what goes with them; neither, the category's or
 * the shop's best.
 */
export function intentList(context: RecommendationsContext, args: IntentListArgs, input: IntentListInput): Promise<RecommendationList> {
  const { intent, item } = input;
  const hasProducts = Boolean(input.productIds && input.productIds.length > 0);
  const filter = toFilter(args.filter, { categoryId: input.categoryId ?? item?.categoryIds[0] ?? intent?.categoryIds[0] ?? null });
  if (intent) {
    filter.maxPriceCents ??= intent.maxPrice ? toCents(intent.maxPrice) : null;
    filter.minPriceCents ??= intent.minPrice ? toCents(intent.minPrice) : null;
    filter.dietaryTags = [...new Set([...(filter.dietaryTags ?? []), ...intent.dietaryTags])];
    filter.excludeTerms = intent.excluded;
    if ((item?.organic ?? intent.organic) === 'ONLY') filter.requiredLabels = ['ORGANIC'];
  }
  // An ORGANIC label also counts as sustainable, so "only organic" needs no more than the label filter.
  const sustainability: ShopperContext['sustainability'] = item?.sustainability ?? intent?.sustainability ?? 'NONE';
  const request = {
    first: args.first,
    filter,
    strict: args.strict ?? false,
    shopper: { dietaryRestrictions: [], sustainability, remainingBudgetCents: null, location: null },
  };
  const keywords = item ? item.keywords : (intent?.keywords ?? []);
  const cheapFirst = (item?.priceSensitivity ?? intent?.priceSensitivity) === 'BUDGET';
  const productIds = input.productIds ?? [];
  return cachedList(
    context,
    ['recommend', input.productIds, intent?.text, item, request],
    (engine) => (hasProducts ? engine.cartScopes(productIds, request.shopper) : []),
    (engine) => {
      if (hasProducts) return engine.cartSuggestions(productIds, request);
      if (keywords.length > 0) return engine.matchKeywords(keywords, { ...request, cheapFirst, productTerms: item?.productTerms ?? [] });
      return engine.popular(request);
    },
  );
}

/** What free text is understood against: the catalog's categories and its product names. */
export async function intentVocabulary(context: RecommendationsContext): Promise<IntentVocabulary> {
  return { categories: await context.vocabulary.current(), productNames: productNamesOf(context.host.engine) };
}

// The catalog's product names, for spelling and item detection. detectIntent rebuilds its speller per
// array (about 30 ms on the demo), so the array is replaced only when a name changed, not on every stock change.
let names: { version: string; names: string[] } | null = null;
function productNamesOf(engine: RecommendationEngine): string[] {
  const version = engine.version.split('.')[0]!;
  if (names?.version === version) return names.names;
  const current = engine.catalog.all().filter((item) => !item.archived).map((item) => item.name);
  const same = names !== null && names.names.length === current.length && names.names.every((name, i) => name === current[i]);
  names = { version, names: same ? names!.names : current };
  return names.names;
}
