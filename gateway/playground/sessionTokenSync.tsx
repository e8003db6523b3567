import { useGraphiQL } from '@graphiql/react';
import { useEffect } from 'react';
import { SESSION_HEADER } from './examples';

type Listener = (token: string) => void;
const listeners = new Set<Listener>();

/**
 * Called with every answer the playground receives: a `startSession` or
 * `signIn` result carries the new session's token, which is then put into
 * the headers editor so the next operation (a subscription, a cart mutation)
 * runs in that session without copying it by hand.
 */
export function noticeSessionToken(result: unknown): void {
  const data = (result as { data?: Record<string, { token?: unknown } | null | undefined> } | undefined)?.data;
  const token = data?.startSession?.token ?? data?.signIn?.token;
  if (typeof token === 'string' && token !== '') for (const listener of listeners) listener(token);
}

/** Rendered inside GraphiQL: writes a noticed token into the active tab's headers editor. */
export function SessionTokenSync(): null {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  useEffect(() => {
    if (!headerEditor) return undefined;
    const listener: Listener = (token) => {
      let headers: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(headerEditor.getValue() || '{}');
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) headers = parsed as Record<string, unknown>;
      } catch {
        // Headers that are not JSON are replaced: GraphiQL could not send them anyway.
      }
      headerEditor.setValue(JSON.stringify({ ...headers, [SESSION_HEADER]: token }, null, 2));
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [headerEditor]);
  return null;
}
