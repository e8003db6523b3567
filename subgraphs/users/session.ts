import { forbidden, unauthenticated } from '../../platform/errors';
import type { UsersContext } from './context';
import type { Shopper } from './data/shopperRepository';

/** The session's shopper: UNAUTHENTICATED without a token or with one that matches nobody. */
export async function requireShopper(context: UsersContext): Promise<Shopper> {
  if (!context.sessionToken) throw unauthenticated('Send the token from startSession in the x-session-token header');
  const shopper = await context.session();
  if (!shopper) throw unauthenticated('The session token is not valid; start a new session');
  return shopper;
}

/** For the private fields of a Shopper: only that shopper's own session may read them. */
export async function requireSelf(context: UsersContext, shopperId: string): Promise<Shopper> {
  const shopper = await requireShopper(context);
  if (shopper.id !== shopperId) throw forbidden("A shopper's preferences, cart, orders and events are visible to that shopper only");
  return shopper;
}
