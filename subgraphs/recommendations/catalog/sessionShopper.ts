/**
 * Who holds a session token, asked of the users subgraph (which owns
 * sessions). Only free-text requests that carry a token need it.
 */
export async function sessionShopperId(usersUrl: string, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const response = await fetch(usersUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'x-session-token': token },
    body: JSON.stringify({ query: '{ me { id } }' }),
    signal: AbortSignal.timeout(2000),
  });
  const body = (await response.json()) as { data?: { me?: { id: string } | null } };
  return body.data?.me?.id ?? null;
}
