import { badUserInput } from '../../../platform/errors';
import { parseInput, z } from '../../../platform/validation';
import type { MutationResolvers } from '../generated/resolvers-types';
import { linesOf, planCartFill, type ListLineInput } from '../shoppingList/planCartFill';
import type { ImageUpload } from '../vision/photoReader';
import type { RecommendationsContext } from '../context';
import { intentVocabulary } from './intentList';

const MAX_ITEMS = 50;

const argsSchema = z.object({
  list: z
    .object({
      text: z.string().max(2000, 'must be at most 2000 characters').refine((text) => /[\p{L}\p{N}]/u.test(text), 'must name at least one item').nullish(),
      // Its bytes are checked by the photo reader (type, size, pixels); here only its shape.
      image: z.object({ base64: z.string(), contentType: z.string().max(100).nullish() }).nullish(),
    })
    .refine((list) => Boolean(list.text) !== Boolean(list.image), 'must have either text or image, not both'),
  idempotencyKey: z.string().min(1, 'must be 1–128 characters').max(128, 'must be 1–128 characters').nullish(),
});

/**
 * Reads the list, picks a product per item (shoppingList/planCartFill.ts)
 * within the shopper's diet and budget as the users subgraph states them, and
 * has the users subgraph add every pick in one transaction.
 */
export const fillCartFromList: MutationResolvers['fillCartFromList'] = async (_parent, args, context) => {
  const input = parseInput(argsSchema, args, '');
  // First, so that a request without a session is refused before any work.
  const cart = await context.usersCart.read();
  const lines = input.list.image ? await photographedLines(context, input.list.image) : linesOf(input.list.text!);
  const items = planCartFill(lines, context.host.engine, await intentVocabulary(context), cart.shopper);
  if (items.length > MAX_ITEMS) throw badUserInput(input.list.image ? 'list.image' : 'list.text', `has ${items.length} items; at most ${MAX_ITEMS}`);
  const picks = items.filter((item) => item.status === 'ADDED');
  const after =
    picks.length === 0
      ? { cartId: cart.cartId }
      : await context.usersCart.add(
          picks.map((item) => ({ productId: item.productId!, quantity: item.quantity, recommendationId: item.recommendationId })),
          input.idempotencyKey ?? undefined,
        );
  return { cart: { id: after.cartId }, items, added: picks.length, unmatched: items.filter((item) => item.status !== 'ADDED') };
};

/** The lines of a photographed list, as the list readers read them (vision/readShoppingList.ts). */
async function photographedLines(context: RecommendationsContext, image: ImageUpload): Promise<ListLineInput[]> {
  const reading = await context.photos.read(image, 'list.image');
  if (reading.kind === 'BARCODE') throw badUserInput('list.image', `shows a barcode (${reading.barcode.code}), not a list: send it to recommend(context: { image })`);
  if (reading.kind === 'NOTHING_READ') throw badUserInput('list.image', 'has no line of text that could be read');
  return reading.lines.map((line) => ({ text: line.text, readConfidence: line.confidence }));
}
