import { Backoff, cancellableSleep, DEFAULT_RETRY, type RetryPolicy } from './backoff';
import type { Logger } from './logger';

/** A start-up step that is tried until it succeeds (or the service stops). */
export interface StartupTask<T> {
  readonly name: string;
  /** `retrying`: it failed at least once and will be tried again. */
  state(): { state: 'starting' | 'retrying' | 'started' | 'stopped'; since: number; lastError?: string; attempts: number };
  /** What the start produced, once it has; undefined when stopped first. */
  readonly started: Promise<T | undefined>;
  /** Gives up retrying (a service shutting down); `started` then settles. */
  stop(): void;
}

/**
 * Runs `start` until it succeeds, waiting with capped exponential backoff
 * between attempts. The first failure is logged as a warning and the success
 * after failures as info: one line per change, not one per attempt.
 */
export function startWithRetry<T>(name: string, start: () => Promise<T>, options: { logger: Logger; retry?: RetryPolicy }): StartupTask<T> {
  const backoff = new Backoff(options.retry ?? DEFAULT_RETRY);
  let current: ReturnType<StartupTask<T>['state']> = { state: 'starting', since: Date.now(), attempts: 0 };
  let stopping = false;
  let sleeping: { cancel(): void } | undefined;
  const started = (async (): Promise<T | undefined> => {
    for (;;) {
      if (stopping) return undefined;
      current = { ...current, attempts: current.attempts + 1 };
      try {
        const result = await start();
        if (current.state === 'retrying') options.logger.info({ task: name, attempts: current.attempts }, `${name} started after retrying`);
        current = { state: 'started', since: Date.now(), attempts: current.attempts };
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (current.state !== 'retrying') {
          options.logger.warn({ err: error, task: name }, `${name} did not start; retrying with backoff`);
          current = { state: 'retrying', since: Date.now(), attempts: current.attempts, lastError: message };
        } else current = { ...current, lastError: message };
      }
      const sleep = cancellableSleep(backoff.next());
      sleeping = sleep;
      await sleep.promise;
      sleeping = undefined;
    }
  })();
  return {
    name,
    state: () => ({ ...current }),
    started,
    stop() {
      stopping = true;
      if (current.state !== 'started') current = { ...current, state: 'stopped', since: Date.now() };
      sleeping?.cancel();
    },
  };
}
