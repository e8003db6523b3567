import type { FetchLike } from '../../../platform/http/internalCalls';
import { postGraphQL } from '../../../platform/http/postGraphQL';
import { SessionShopperDocument } from '../generated/users-calls';

/**
 * Who holds a session token, asked of the users subgraph (which owns
 * sessions; calls/users/sessionShopper.graphql). Only free-text requests that
 * carry a token need it.
 */
export async function sessionShopperId(usersUrl: string, token: string | undefined, fetch: FetchLike): Promise<string | null> {
  if (!token) return null;
  const reply = await postGraphQL(usersUrl, SessionShopperDocument, { headers: { 'x-session-token': token }, fetch });
  return reply.data?.me?.id ?? null;
}
