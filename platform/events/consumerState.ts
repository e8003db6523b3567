import { Backoff, cancellableSleep, type RetryPolicy } from '../backoff';
import type { ConsumerStatus } from './eventBus';

/**
 * The state of one consume or follow loop, shared by both buses: running or
 * retrying (with the last error and since when), its backoff, and a wait
 * that stopping interrupts. Listeners hear of changes of state only, so a
 * loop retrying every few seconds for an hour reports once.
 */
export class ConsumerState {
  private current: ConsumerStatus;
  private readonly backoff: Backoff;
  private sleeping: { cancel(): void } | undefined;

  constructor(
    stream: string,
    group: string | null,
    retry: RetryPolicy,
    private readonly onChange?: (status: ConsumerStatus) => void,
  ) {
    this.backoff = new Backoff(retry);
    this.current = { stream, group, state: 'running', since: Date.now(), handlerFailures: 0, deadLettered: 0 };
  }

  status(): ConsumerStatus {
    return { ...this.current };
  }

  /** A read succeeded. */
  running(): void {
    this.backoff.reset();
    if (this.current.state === 'running') return;
    this.current = { ...this.current, state: 'running', since: Date.now(), lastError: undefined };
    this.notify();
  }

  /** A read (or setting up for one) failed; returns how long to wait before the next attempt. */
  failed(error: unknown): number {
    const message = error instanceof Error ? error.message : String(error);
    if (this.current.state === 'retrying') this.current = { ...this.current, lastError: message };
    else {
      this.current = { ...this.current, state: 'retrying', since: Date.now(), lastError: message };
      this.notify();
    }
    return this.backoff.next();
  }

  handlerFailed(): void {
    this.current.handlerFailures++;
  }

  deadLettered(): void {
    this.current.deadLettered++;
  }

  async sleep(ms: number): Promise<void> {
    const sleep = cancellableSleep(ms);
    this.sleeping = sleep;
    await sleep.promise;
    this.sleeping = undefined;
  }

  stop(): void {
    this.sleeping?.cancel();
    this.current = { ...this.current, state: 'stopped', since: Date.now() };
  }

  private notify(): void {
    try {
      this.onChange?.(this.status());
    } catch {
      // A listener's mistake must not stop the loop it listens to.
    }
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
