import type { OutboxSchema } from './outboxEvent';

type Waker = () => void;

// Process-wide on purpose: a write committed by any code in this process (a
// resolver, an admin command run inside the API) wakes this process's relay
// at once instead of leaving the event for the next poll.
const wakers = new Map<OutboxSchema, Set<Waker>>();

/** Tells the relays of this process that rows were committed to this schema's outbox. */
export function notifyOutbox(schema: OutboxSchema): void {
  for (const wake of [...(wakers.get(schema) ?? [])]) wake();
}

/** Calls `wake` on every notify for this schema until the returned function is called. */
export function onOutboxNotify(schema: OutboxSchema, wake: Waker): () => void {
  let set = wakers.get(schema);
  if (!set) wakers.set(schema, (set = new Set()));
  set.add(wake);
  return () => set.delete(wake);
}
