import { fromPeerError } from '../../../platform/errors';
import type { FetchLike } from '../../../platform/http/internalCalls';
import { postGraphQL, type GraphQLReply } from '../../../platform/http/postGraphQL';
import { toCents } from '../engine/money';
import { AddItemsToCartDocument, ShoppingListShopperDocument, type CartLineInput } from '../generated/users-calls';
import type { ListShopper } from './planCartFill';

/** The session's shopper and cart, as fillCartFromList needs them. */
export interface ListCart {
  cartId: string;
  shopper: ListShopper;
}

/**
 * The users subgraph, which owns shoppers and carts, asked on behalf of the
 * request's session (its token is sent on): who it is and what is left of
 * its budget, then the lines to add (calls/users/*.graphql, typed by codegen).
 * A client's mistake the users subgraph reports (no session, a refused line)
 * is handed on as it is.
 */
export class UsersCart {
  constructor(
    private readonly usersUrl: string,
    private readonly sessionToken: string | undefined,
    private readonly fetch: FetchLike,
  ) {}

  async read(): Promise<ListCart> {
    const reply = orThrow(await postGraphQL(this.usersUrl, ShoppingListShopperDocument, { headers: this.headers(), fetch: this.fetch }));
    const remaining = reply.cart.budget.remaining;
    return {
      cartId: reply.cart.id,
      shopper: {
        dietaryRestrictions: reply.me?.preferences?.dietaryRestrictions ?? [],
        sustainability: reply.me?.preferences?.sustainabilityPreference ?? 'NONE',
        remainingBudgetCents: remaining === null ? null : toCents(remaining),
      },
    };
  }

  async add(items: CartLineInput[], idempotencyKey: string | undefined): Promise<{ cartId: string }> {
    const reply = orThrow(
      await postGraphQL(this.usersUrl, AddItemsToCartDocument, { headers: this.headers(), fetch: this.fetch, variables: { items, idempotencyKey: idempotencyKey ?? null } }),
    );
    return { cartId: reply.addItemsToCart.id };
  }

  private headers(): Record<string, string> {
    return this.sessionToken ? { 'x-session-token': this.sessionToken } : {};
  }
}

function orThrow<T>(reply: GraphQLReply<T>): T {
  const error = reply.errors?.[0];
  if (error) throw fromPeerError('users', error);
  if (!reply.data) throw fromPeerError('users', { message: 'no data' });
  return reply.data;
}
