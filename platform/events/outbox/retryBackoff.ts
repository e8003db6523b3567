/** Capped exponential backoff: base, 2·base, 4·base … up to `maxMs`, with a little jitter so replicas do not retry in step. */
export function retryDelayMs(failures: number, maxMs: number, baseMs = 250): number {
  const exponential = baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 20);
  const capped = Math.min(exponential, maxMs);
  return Math.round(capped * (0.8 + Math.random() * 0.2));
}
