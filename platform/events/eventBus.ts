/** A durable domain event, as stored on a stream. */
export interface BusEvent<P = unknown> {
  /** Stream-assigned id, increasing within a stream. */
  id: string;
  type: string;
  payload: P;
  occurredAt: string;
}

export type EventHandler = (event: BusEvent) => Promise<void>;

export interface ConsumeOptions {
  /** Distinguishes the members of one group (one per process). */
  consumer: string;
  /** How many events a read returns at most. */
  batchSize?: number;
  /** An event left unacknowledged this long is handed to another consumer. */
  redeliverAfterMs?: number;
  /** Called when a handler throws; the event stays pending and is delivered again. */
  onError?: (error: unknown, event: BusEvent) => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

/**
 * At-least-once event streams read by consumer groups: each group sees every
 * event, each event goes to one member of the group, and an event is
 * acknowledged only after its handler succeeds.
 */
export interface EventBus {
  publish(stream: string, type: string, payload: unknown): Promise<string>;
  consume(stream: string, group: string, handler: EventHandler, options: ConsumeOptions): Promise<Subscription>;
  close(): Promise<void>;
}
