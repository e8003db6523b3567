/** A key-value cache of JSON-serialisable values. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  /** Several keys in one round trip, in order (undefined where missing). */
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
  /** Stores `value` for `ttlSeconds` (the configured default when omitted). */
  set<T>(key: string, value: T, ttlSeconds?: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  close(): Promise<void>;
}
