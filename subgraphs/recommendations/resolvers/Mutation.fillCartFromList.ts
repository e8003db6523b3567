import { badUserInput } from '../../../platform/errors';
import { parseInput, z } from '../../../platform/validation';
import type { MutationResolvers } from '../generated/resolvers-types';
import { planCartFill } from '../shoppingList/planCartFill';
import { intentVocabulary } from './intentList';

const MAX_ITEMS = 50;

const argsSchema = z.object({
  list: z.object({ text: z.string().max(2000, 'must be at most 2000 characters').refine((text) => /[\p{L}\p{N}]/u.test(text), 'must name at least one item') }),
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
  const items = planCartFill(input.list.text, context.host.engine, await intentVocabulary(context), cart.shopper);
  if (items.length > MAX_ITEMS) throw badUserInput('list.text', `has ${items.length} items; at most ${MAX_ITEMS}`);
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
