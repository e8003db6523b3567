// What GET /readyz checks, as a list of named checks so each component adds
// its own (the database, Redis, event consumers, the gateway's routes) without
// knowing about the others. Every check runs in parallel with its own timeout;
// the service is ready when all pass.

export interface ReadinessCheck {
  /** Short and stable: it is a key of the /readyz body (`database`, `redis`, `subgraph:products`). */
  name: string;
  /** Resolves when the dependency is usable; throws (with a reason) when it is not. */
  check: () => Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  /** `ok`, or why the check failed. */
  checks: Record<string, string>;
  /** The failures in one line (`redis: connect ECONNREFUSED`), when not ready. */
  reason?: string;
  /** Structured details of failed checks that give them (the event consumers: stream, group, last error, since when). */
  problems?: unknown[];
}

/** A service given one function instead of a list: it is its only check. */
export type Readiness = ReadinessCheck[] | (() => Promise<void>);

export function readinessChecks(readiness: Readiness): ReadinessCheck[] {
  return typeof readiness === 'function' ? [{ name: 'dependencies', check: readiness }] : readiness;
}

export async function checkReadiness(readiness: Readiness, timeoutMs: number): Promise<ReadinessReport> {
  const checks = readinessChecks(readiness);
  const problems: unknown[] = [];
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), timeoutMs);
        return [name, 'ok'] as const;
      } catch (error) {
        const details = (error as { details?: unknown }).details;
        if (Array.isArray(details)) problems.push(...details);
        return [name, (error as Error).message || String(error)] as const;
      }
    }),
  );
  const failed = results.filter(([, result]) => result !== 'ok');
  return {
    ready: failed.length === 0,
    checks: Object.fromEntries(results),
    ...(failed.length > 0 ? { reason: failed.map(([name, result]) => `${name}: ${result}`).join('; ') } : {}),
    ...(problems.length > 0 ? { problems } : {}),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * What every subgraph needs to answer: its database and, when configured,
 * Redis (cache, pub/sub and event streams). Components add their own checks
 * to this list (the event consumers theirs).
 */
export function storageChecks(db: { ping(): Promise<void> }, infra: { config: { redis: unknown }; ping(): Promise<void> }): ReadinessCheck[] {
  return [
    { name: 'database', check: () => db.ping() },
    ...(infra.config.redis ? [{ name: 'redis', check: () => infra.ping() }] : []),
  ];
}
