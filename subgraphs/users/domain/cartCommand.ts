import crypto from 'node:crypto';
import { appendToOutbox } from '../../../platform/events/outbox/appendToOutbox';
import type { OutboxEvent } from '../../../platform/events/outbox/outboxEvent';
import { notifyOutbox } from '../../../platform/events/outbox/outboxSignal';
import type { IdempotencyRecord, Prisma } from '../../../prisma/generated/client/client';
import type { CartRepository, LockedCart } from '../data/cartRepository';
import { cartChangeEvents } from './cartEvents';
import { cartView, type CartView } from './cartView';
import { conflictBecause } from './usersErrors';

export interface CommandOptions {
  idempotencyKey?: string;
  expectedVersion?: number;
}

export interface Applied<R> {
  /** Interactions, orders: written to the outbox before the cart's own events. */
  events: OutboxEvent[];
  /** The answer, from the cart as it stands after the change. */
  response: (after: CartView) => R;
}

export interface CartCommand<P, R> {
  /** Names the mutation: a key reused for another operation is a conflict too. */
  operation: string;
  /** Everything that makes two requests the same request (not the key itself). */
  payload: Record<string, unknown>;
  options: CommandOptions;
  /** Outside the transaction: slow lookups (the catalog) must not hold the cart's lock. */
  prepare: () => Promise<P>;
  apply: (cart: LockedCart, prepared: P) => Promise<Applied<R>>;
}

function requestHash(operation: string, payload: Record<string, unknown>): string {
  return crypto.createHash('sha256').update(JSON.stringify([operation, payload])).digest('hex');
}

/** The stored answer when the same request comes again; CONFLICT when the key was used for something else. */
function replayOf<R>(record: IdempotencyRecord | null, operation: string, hash: string): { response: R } | undefined {
  if (!record) return undefined;
  if (record.operation !== operation || record.requestHash !== hash) {
    throw conflictBecause('This idempotency key was already used for a different request; use a new key for a new request');
  }
  return { response: record.response as unknown as R };
}

/**
 * Runs a cart change safely under retries and concurrency: replays an earlier
 * answer for a repeated idempotency key, refuses a stale `expectedVersion`,
 * applies the change under the cart's row lock, steps the version once,
 * stores the answer for the key, and writes the events to the outbox in the
 * same transaction: they are published if and only if the change commits.
 */
export class CartCommandRunner {
  constructor(private readonly carts: CartRepository) {}

  async run<P, R>(shopperId: string, command: CartCommand<P, R>): Promise<R> {
    const { idempotencyKey: key, expectedVersion } = command.options;
    const hash = requestHash(command.operation, command.payload);
    if (key !== undefined) {
      const replay = replayOf<R>(await this.carts.idempotencyRecord(shopperId, key), command.operation, hash);
      if (replay) return replay.response;
    }
    const prepared = await command.prepare();
    const { response, events } = await this.carts.withLockedCart(shopperId, async (cart) => {
      // Again under the lock: the same request may have been running alongside this one.
      if (key !== undefined) {
        const replay = replayOf<R>(await cart.idempotencyRecord(key), command.operation, hash);
        if (replay) return { response: replay.response, events: [] };
      }
      if (expectedVersion !== undefined && cart.state.version !== expectedVersion) {
        throw conflictBecause(`The cart is at version ${cart.state.version}, not ${expectedVersion}: reload it and try again`, {
          currentVersion: cart.state.version,
        });
      }
      const before = cartView(cart.state);
      const applied = await command.apply(cart, prepared);
      const after = cartView(await cart.finish());
      const answer = applied.response(after);
      if (key !== undefined) {
        await cart.saveIdempotencyRecord(key, command.operation, hash, answer as unknown as Prisma.InputJsonValue);
      }
      const events = [...applied.events, ...cartChangeEvents(before, after)];
      await appendToOutbox(cart.transaction, 'shoppers', events);
      return { response: answer, events };
    });
    if (events.length > 0) notifyOutbox('shoppers');
    return response;
  }
}
