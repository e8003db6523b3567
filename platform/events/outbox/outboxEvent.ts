import crypto from 'node:crypto';
import type { StreamEvents } from '../topics';

/** The subgraph schemas that keep an outbox (each has its own `outbox_event` table). */
export type OutboxSchema = 'catalog' | 'shoppers';

/** One event as the outbox stores it until the relay has published it. */
export interface OutboxEvent {
  /** The event's unique id: the row's key, and `eventId` on the bus. */
  id: string;
  stream: keyof StreamEvents;
  type: string;
  /** What the event is about (product, cart, order, shopper): for reading the backlog. */
  aggregateId: string;
  payload: unknown;
  occurredAt: Date;
}

/** A typed event for the outbox: the payload must match the contract of its stream and type. */
export function outboxEvent<S extends keyof StreamEvents, T extends keyof StreamEvents[S] & string>(
  stream: S,
  type: T,
  aggregateId: string,
  payload: StreamEvents[S][T],
  options: { id?: string; occurredAt?: Date } = {},
): OutboxEvent {
  return { id: options.id ?? crypto.randomUUID(), stream, type, aggregateId, payload, occurredAt: options.occurredAt ?? new Date() };
}
