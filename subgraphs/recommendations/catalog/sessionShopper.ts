import type { FetchLike } from '../../../platform/http/internalCalls';
import { postGraphQL } from '../../../platform/http/postGraphQL';

/**
 * Who holds a session token, asked of the users subgraph (which owns
 * sessions). Only free-text requests that carry a token need it.
 */
export async function sessionShopperId(usersUrl: string, token: string | undefined, fetch: FetchLike): Promise<string | null> {
  if (!token) return null;
  const reply = await postGraphQL<{ me: { id: string } | null }>(usersUrl, '{ me { id } }', { headers: { 'x-session-token': token }, fetch });
  return reply.data?.me?.id ?? null;
}
