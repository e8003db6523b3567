import { AsyncLocalStorage } from 'node:async_hooks';

// Work a service does on its own, not for a request (the outbox relay's passes):
// its SQL statements still count in the service's metrics, but a request's
// statement count (what the DataLoader tests prove) leaves them out.

const background = new AsyncLocalStorage<string>();

/** Runs `work`, and everything it awaits, as the named background work. */
export function inBackground<T>(name: string, work: () => Promise<T>): Promise<T> {
  return background.run(name, work);
}

/** The background work running now, if any. */
export function currentBackgroundWork(): string | undefined {
  return background.getStore();
}
