import type { ApolloClient } from '@apollo/client';
import { PreferencesDocument, StartSessionDocument } from '../gql/graphql';

// The anonymous session: its token is kept in localStorage so a reload keeps
// the cart. A token the API no longer accepts is replaced by a new session.

const KEY = 'smartcart.sessionToken';

export const sessionStore = {
  get: (): string | undefined => localStorage.getItem(KEY) ?? undefined,
  set: (token: string) => localStorage.setItem(KEY, token),
  clear: () => localStorage.removeItem(KEY),
};

/** Makes sure the stored token names a live session, starting one when there is none. */
export async function ensureSession(apollo: ApolloClient): Promise<void> {
  if (sessionStore.get()) {
    const { data, error } = await apollo.query({ query: PreferencesDocument, fetchPolicy: 'network-only', errorPolicy: 'all' });
    if (data?.me && !error) return;
    sessionStore.clear();
  }
  const { data } = await apollo.mutate({ mutation: StartSessionDocument });
  if (!data) throw new Error('The API did not start a session');
  sessionStore.set(data.startSession.token);
  await apollo.clearStore();
}
