import { parseInput, rules, z } from '../../../platform/validation';
import { toCents } from '../engine/money';
import type { QueryResolvers } from '../generated/resolvers-types';
import { detectIntent } from '../intent/detectIntent';
import { toFilter, toFirst } from '../requestArgs';
import { cachedList } from './cachedList';

const contextSchema = z.object({
  productIds: z.array(rules.uuid).max(50, 'must have at most 50 ids').nullish(),
  categoryId: rules.uuid.nullish(),
  text: rules.text(500).nullish(),
});

/**
 * Pages without a shopper: products on the page → what goes with them;
 * free text → its intent becomes filters and keywords; a category → its best.
 */
export const recommend: QueryResolvers['recommend'] = async (_parent, args, context) => {
  const input = parseInput(contextSchema, args.context, 'context');
  const intent = input.text ? detectIntent(input.text, { categories: await context.vocabulary.current() }) : null;
  // Announced as a SEARCH interaction when the request carries a session (read back by Shopper.intents);
  // nothing is written in this request path, cache hit or not.
  if (intent) {
    const shopperId = await context.sessionShopperId();
    if (shopperId) context.intents.record(shopperId, intent);
  }
  const filter = toFilter(args.filter, { categoryId: input.categoryId ?? intent?.categoryIds[0] ?? null });
  if (intent) {
    filter.maxPriceCents ??= intent.maxPrice ? toCents(intent.maxPrice) : null;
    filter.minPriceCents ??= intent.minPrice ? toCents(intent.minPrice) : null;
    filter.dietaryTags = [...new Set([...(filter.dietaryTags ?? []), ...intent.dietaryTags])];
  }
  const request = {
    first: toFirst(args.first, 10),
    filter,
    strict: args.strict ?? false,
    shopper: {
      dietaryRestrictions: [],
      sustainability: intent?.sustainability ?? ('NONE' as const),
      remainingBudgetCents: null,
      location: null,
    },
  };
  const list = await cachedList(
    context,
    ['recommend', input.productIds, intent, request],
    (engine) => (input.productIds && input.productIds.length > 0 ? engine.cartScopes(input.productIds, request.shopper) : []),
    (engine) => {
    if (input.productIds && input.productIds.length > 0) return engine.cartSuggestions(input.productIds, request);
    if (intent && intent.keywords.length > 0) return engine.matchKeywords(intent.keywords, { ...request, cheapFirst: intent.priceSensitivity === 'BUDGET' });
    return engine.popular(request);
    },
  );
  return { ...list, intent };
};
