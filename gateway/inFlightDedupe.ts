/**
 * Headers that name one request rather than what it asks: two requests that
 * differ only in these ask the same thing. The signature is added after the
 * key is made, so it never takes part.
 */
export const PER_REQUEST_HEADERS: ReadonlySet<string> = new Set(['x-request-id', 'traceparent', 'tracestate', 'baggage']);

/**
 * Whether a subgraph operation may be shared: a query only. The gateway
 * writes the operations it sends, so the leading keyword is reliable; a
 * mutation or subscription is never shared (each must run once per caller).
 */
export function isSharableOperation(query: string | undefined): boolean {
  if (!query) return false;
  const start = query.trimStart();
  return start.startsWith('{') || /^query\b/.test(start);
}

/**
 * What makes two subgraph requests the same: the URL, the body (query and
 * variables, byte for byte) and every header that may change the answer
 * (session token, API key, anything forwarded), in a fixed order. Request ids
 * and trace headers are left out.
 */
export function dedupeKey(url: string, body: string, headers: Readonly<Record<string, string>>, ignored: ReadonlySet<string> = PER_REQUEST_HEADERS): string {
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .filter((name) => !ignored.has(name))
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  // JSON keeps the parts apart whatever characters they hold.
  return JSON.stringify([url, body, names.map((name) => [name, lower[name]])]);
}

/**
 * Identical requests in flight at the same time are sent once: the second
 * caller with a key that is already running waits for the first one's
 * answer instead of sending its own. An entry lives only while its request
 * runs (nothing is cached after the answer), so a later request always goes
 * to the subgraph. A failure is shared like an answer.
 */
export class InFlightDedupe<T> {
  private readonly inFlight = new Map<string, Promise<T>>();
  private joinedCount = 0;

  /** Callers that were given another caller's answer. */
  get joined(): number {
    return this.joinedCount;
  }

  /** Requests running now. */
  get size(): number {
    return this.inFlight.size;
  }

  /** `send`'s answer, or the answer of the identical request already running; `onJoin` when shared. */
  run(key: string, send: () => Promise<T>, onJoin?: () => void): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) {
      this.joinedCount++;
      onJoin?.();
      return running;
    }
    const started = send().finally(() => {
      this.inFlight.delete(key);
    });
    this.inFlight.set(key, started);
    return started;
  }
}
