import { forbidden, unauthenticated } from '../../platform/errors';
import { serviceMetrics } from '../../platform/observability/metrics';
import type { UsersContext } from './context';
import type { SessionRepository } from './data/sessionRepository';
import type { Shopper } from './data/shopperRepository';
import { REFUSAL_MESSAGES } from './domain/sessionPolicy';

// Refusals by reason (expired, idle, ended, unknown…): a jump in UNKNOWN is token guessing, in IDLE a
// client that forgot to refresh. Reasons are a closed set, so the label stays bounded.
const refused = () => serviceMetrics('users').counter('smartcart_sessions_refused_total', 'Session tokens refused, by reason', ['reason']);

/** Resolves a request's token: null without one, UNAUTHENTICATED with the reason for one that does not work. */
export async function sessionShopper(sessions: SessionRepository, token: string | undefined): Promise<Shopper | null> {
  if (!token) return null;
  const found = await sessions.lookup(token);
  if (found.refusal) {
    refused().inc({ reason: found.refusal });
    throw unauthenticated(REFUSAL_MESSAGES[found.refusal], found.refusal);
  }
  return found.shopper;
}

/** The session's shopper: UNAUTHENTICATED without a token or with one that does not work (reason in extensions). */
export async function requireShopper(context: UsersContext): Promise<Shopper> {
  const shopper = await context.session();
  if (!shopper) throw unauthenticated('Send the token from startSession in the x-session-token header', 'SESSION_MISSING');
  return shopper;
}

/** For the private fields of a Shopper: only that shopper's own session may read them. */
export async function requireSelf(context: UsersContext, shopperId: string): Promise<Shopper> {
  const shopper = await requireShopper(context);
  if (shopper.id !== shopperId) throw forbidden("A shopper's preferences, cart, orders and events are visible to that shopper only");
  return shopper;
}
