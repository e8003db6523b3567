import { parseInput, rules, z } from '../../../platform/validation';
import type { QueryRecommendArgs, QueryResolvers } from '../generated/resolvers-types';
import type { RecommendationList } from '../engine/recommendationEngine';
import { detectIntent } from '../intent/detectIntent';
import type { IntentItem } from '../intent/intent';
import { toFilter, toFirst } from '../requestArgs';
import { matchPhotographedList } from '../shoppingList/matchPhotographedList';
import { cachedList } from './cachedList';
import { intentList, intentVocabulary } from './intentList';
import { imageIntent, listIntent, toGtin14 } from '../vision/imageIntent';
import type { ImageUpload } from '../vision/photoReader';
import type { RecommendationsContext } from '../context';
import type { ListModel } from '../representations';

const contextSchema = z.object({
  productIds: z.array(rules.uuid).max(50, 'must have at most 50 ids').nullish(),
  categoryId: rules.uuid.nullish(),
  text: rules.text(500).nullish(),
  // Its bytes are checked by the photo reader (type, size, pixels); here only its shape.
  image: z.object({ base64: z.string(), contentType: z.string().max(100).nullish() }).nullish(),
});

/**
 * Pages without a shopper: products on the page → what goes with them;
 * free text → its intent becomes filters and keywords; a category → its best.
 */
export const recommend: QueryResolvers['recommend'] = async (_parent, args, context) => {
  const input = parseInput(contextSchema, args.context, 'context');
  if (input.image) return recommendFromImage(input.image, args, context);
  const intent = input.text ? detectIntent(input.text, await intentVocabulary(context)) : null;
  // Announced as a SEARCH interaction when the request carries a session (read back by Shopper.intents);
  // nothing is written in this request path, cache hit or not.
  if (intent) {
    const shopperId = await context.sessionShopperId();
    if (shopperId) context.intents.record(shopperId, intent);
  }
  const first = toFirst(args.first, 10);
  const hasProducts = Boolean(input.productIds && input.productIds.length > 0);
  const items: (IntentItem | null)[] = intent && !hasProducts && intent.items.length > 0 ? intent.items : [null];
  const listFor = (item: IntentItem | null) =>
    intentList(context, { first, filter: args.filter, strict: args.strict }, { intent, item, productIds: input.productIds, categoryId: input.categoryId });

  const lists = await Promise.all(items.map(listFor));
  if (lists.length === 1) return { ...lists[0]!, intent, perItem: null };
  return { ...interleave(lists, first), intent, perItem: lists.map((list, n) => ({ ...list, item: items[n]! })) };
};

/**
 * A photo. Of a barcode: the product carrying it anchors the list, which is
 * what goes around it, similar items and complements interleaved (complements
 * bring the engine's lower-carbon alternatives). Of a shopping list: each line
 * is matched by the list matcher (shoppingList/matchPhotographedList.ts), and
 * the list interleaves the lines' matches, each line's best first. A barcode no
 * product carries, a list no product matches, or nothing readable is an empty
 * list saying so: for the shopper that is an answer, not a client error.
 */
async function recommendFromImage(
  image: ImageUpload,
  args: Pick<QueryRecommendArgs, 'first' | 'filter' | 'strict'>,
  context: RecommendationsContext,
): Promise<ListModel> {
  const reading = await context.photos.read(image);
  const first = toFirst(args.first, 10);
  if (reading.kind === 'LIST') {
    const lines = await matchPhotographedList(context, reading.lines, { first, filter: args.filter });
    const list = interleave(lines.map((line) => line.list), first);
    const emptyReason = list.items.length > 0 ? undefined : 'No line of the list matches a product';
    return { ...list, emptyReason, intent: listIntent(lines), perItem: null };
  }
  if (reading.kind === 'NOTHING_READ') {
    return { items: [], servedBy: [], emptyReason: 'No barcode or text could be read in the image', intent: imageIntent(null, null), perItem: null };
  }
  const { barcode } = reading;
  const anchor = context.host.engine.catalog.byGtin(toGtin14(barcode.lookupCode));
  if (!anchor || anchor.archived) {
    return { items: [], servedBy: [], emptyReason: `No product has the barcode ${barcode.code}`, intent: imageIntent(barcode, null), perItem: null };
  }
  const request = { first, filter: toFilter(args.filter), strict: args.strict ?? false };
  const id = anchor.productId;
  const [similar, complements] = await Promise.all([
    cachedList(context, ['similar', id, request], (engine) => engine.similarScopes(id), (engine) => engine.similar(id, request)),
    cachedList(context, ['recommend', [id], null, null, request], (engine) => engine.cartScopes([id]), (engine) => engine.cartSuggestions([id], request)),
  ]);
  return { ...interleave([similar, complements], first), intent: imageIntent(barcode, id), perItem: null };
}

/** Round-robin over the per-item lists, each product once, so a client reading only `items` sees every item asked for. */
function interleave(lists: RecommendationList[], first: number): RecommendationList {
  const seen = new Set<string>();
  const items: RecommendationList['items'] = [];
  for (let rank = 0; items.length < first && lists.some((list) => rank < list.items.length); rank++) {
    for (const list of lists) {
      const item = list.items[rank];
      if (item && !seen.has(item.productId) && items.length < first) {
        seen.add(item.productId);
        items.push(item);
      }
    }
  }
  const servedBy = [...new Set(lists.flatMap((list) => list.servedBy))];
  return items.length > 0 ? { items, servedBy } : { items, servedBy, emptyReason: lists.map((list) => list.emptyReason).find(Boolean) ?? 'No item passes the filters' };
}
