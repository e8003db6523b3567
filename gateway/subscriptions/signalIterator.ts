/**
 * A push-fed async iterator for one subscriber. `admit` decides how a new
 * signal joins those not yet pulled (coalesce or queue), which bounds the
 * memory a slow client can pin; `accept` drops stale signals at pull time.
 */
export class SignalIterator<T> implements AsyncIterableIterator<T> {
  private pending: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private finished = false;

  constructor(
    private readonly options: {
      admit: (pending: T[], signal: T) => void;
      accept?: (signal: T) => boolean;
      onClose: () => Promise<void>;
    },
  ) {}

  push(signal: T): void {
    if (this.finished) return;
    const waiting = this.waiting;
    if (waiting) {
      if (this.options.accept && !this.options.accept(signal)) return;
      this.waiting = undefined;
      waiting({ value: signal, done: false });
      return;
    }
    this.options.admit(this.pending, signal);
  }

  next(): Promise<IteratorResult<T>> {
    while (this.pending.length > 0) {
      const signal = this.pending.shift() as T;
      if (!this.options.accept || this.options.accept(signal)) return Promise.resolve({ value: signal, done: false });
    }
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.finished) {
      this.finished = true;
      this.pending = [];
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.({ value: undefined, done: true });
      await this.options.onClose();
    }
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
