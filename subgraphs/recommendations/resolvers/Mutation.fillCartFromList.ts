import { badUserInput } from '../../../platform/errors';
import { parseInput, z } from '../../../platform/validation';
import { productNamesOf } from '../catalog/productNames';
import type { MutationResolvers } from '../generated/resolvers-types';
import { matchShoppingList } from '../shoppingList/matchShoppingList';

const MAX_ITEMS = 50;

const argsSchema = z.object({
  list: z.object({ text: z.string().max(2000, 'must be at most 2000 characters').refine((text) => /[\p{L}\p{N}]/u.test(text), 'must name at least one item') }),
  idempotencyKey: z.string().min(1, 'must be 1–128 characters').max(128, 'must be 1–128 characters').nullish(),
});

/**
 * Reads the list, picks a product per item (shoppingList/matchShoppingList.ts)
 * within the shopper's diet and budget as the users subgraph states them, and
 * has the users subgraph add every pick in one transaction.
 */
export const fillCartFromList: MutationResolvers['fillCartFromList'] = async (_parent, args, context) => {
  const input = parseInput(argsSchema, args, '');
  // First, so that a request without a session is refused before any work.
  const cart = await context.usersCart.read();
  const vocabulary = { categories: await context.vocabulary.current(), productNames: productNamesOf(context.host.engine) };
  const lines = matchShoppingList(input.list.text, context.host.engine, vocabulary, cart.shopper);
  if (lines.length > MAX_ITEMS) throw badUserInput('list.text', `has ${lines.length} items; at most ${MAX_ITEMS}`);
  const picks = lines.filter((line) => line.status === 'ADDED');
  const after =
    picks.length === 0
      ? { cartId: cart.cartId }
      : await context.usersCart.add(
          picks.map((line) => ({ productId: line.productId!, quantity: line.quantity, recommendationId: line.recommendationId })),
          input.idempotencyKey ?? undefined,
        );
  return { cart: { id: after.cartId }, lines, added: picks.length, unmatched: lines.filter((line) => line.status !== 'ADDED') };
};
