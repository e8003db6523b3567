/** A durable domain event, as stored on a stream. */
export interface BusEvent<P = unknown> {
  /** Stream-assigned id, increasing within a stream. */
  id: string;
  /**
   * The event's own unique id (the outbox row id), the same on every
   * re-delivery: consumers recognise a duplicate by it, never by `id`.
   */
  eventId: string;
  type: string;
  payload: P;
  occurredAt: string;
}

/** What the publisher fixes about an event (the outbox passes its row's); the bus fills in the rest. */
export interface PublishEnvelope {
  eventId?: string;
  occurredAt?: string;
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

export interface FollowOptions {
  /** Delivers the entries after this stream id, in order (STREAM_START for all). */
  after: string;
  batchSize?: number;
  /** Called when a handler throws; a follower moves on (it has no pending list). */
  onError?: (error: unknown, event: BusEvent) => void;
}

/** The oldest and newest entry ids of a stream, null when it is empty or missing. */
export interface StreamBounds {
  first: string | null;
  last: string | null;
}

export interface GroupConsumerInfo {
  name: string;
  /** Unacknowledged entries held by this consumer. */
  pending: number;
  /** Milliseconds since the consumer last read or claimed. */
  idleMs: number;
}

export interface GroupInfo {
  name: string;
  consumers: GroupConsumerInfo[];
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
  publish(stream: string, type: string, payload: unknown, envelope?: PublishEnvelope): Promise<string>;
  consume(stream: string, group: string, handler: EventHandler, options: ConsumeOptions): Promise<Subscription>;
  /**
   * Reads a stream from a position, with no consumer group: each follower
   * sees every entry after `after`, and nothing is left behind on the bus
   * when it goes away (a replica's in-memory learning).
   */
  follow(stream: string, handler: EventHandler, options: FollowOptions): Promise<Subscription>;
  bounds(stream: string): Promise<StreamBounds>;
  /** Whether the entry with this id is still on the stream (not trimmed, not flushed). */
  contains(stream: string, id: string): Promise<boolean>;
  /** The consumer groups of a stream and their members ([] for a missing stream). */
  groups(stream: string): Promise<GroupInfo[]>;
  removeGroup(stream: string, group: string): Promise<void>;
  /** Forgets a member of a group; the caller makes sure it holds nothing pending. */
  removeConsumer(stream: string, group: string, consumer: string): Promise<void>;
  close(): Promise<void>;
}
