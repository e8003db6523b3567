/** Exponential backoff: `initialMs`, doubled after every failure, never above `maxMs`. */
export interface RetryPolicy {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialMs: 200, maxMs: 5000 };

export class Backoff {
  private attempts = 0;

  constructor(private readonly policy: RetryPolicy = DEFAULT_RETRY) {}

  /** The wait before the next attempt, after one more failure. */
  next(): number {
    const delay = Math.min(this.policy.maxMs, this.policy.initialMs * 2 ** Math.min(this.attempts, 30));
    this.attempts++;
    // Up to a fifth less, so replicas that failed together do not retry in lockstep.
    return Math.round(delay * (0.8 + Math.random() * 0.2));
  }

  reset(): void {
    this.attempts = 0;
  }
}

/** A wait that `cancel()` ends at once (a stopping loop must not sit out its backoff). */
export function cancellableSleep(ms: number): { promise: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  let done: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    done = resolve;
    timer = setTimeout(resolve, ms);
  });
  return {
    promise,
    cancel() {
      clearTimeout(timer);
      done();
    },
  };
}
