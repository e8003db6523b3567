import type { RetryPolicy } from '../backoff';

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
  /**
   * Called when a handler throws; the event stays pending and is delivered
   * again, until it has failed `maxDeliveries` times: then it is moved to the
   * stream's dead letters (`deadLetter` is true on that last call).
   */
  onError?: (error: unknown, event: BusEvent, deadLetter: boolean) => void;
  /** Deliveries that fail before an event is dead-lettered; the bus's default (EVENTS_MAX_DELIVERIES) without it. */
  maxDeliveries?: number;
  /** Called when the consumer starts failing to read (or recovers): once per change, never per retry. */
  onStateChange?: (status: ConsumerStatus) => void;
}

export interface FollowOptions {
  /** Delivers the entries after this stream id, in order (STREAM_START for all). */
  after: string;
  batchSize?: number;
  /** Called when a handler throws; a follower moves on (it has no pending list). */
  onError?: (error: unknown, event: BusEvent) => void;
  /** As for consume: once per change between reading and failing to read. */
  onStateChange?: (status: ConsumerStatus) => void;
}

/**
 * What a consumer or follower is doing now. `retrying`: its last read (or
 * group creation) failed and it is trying again with backoff; `lastError`
 * says why. `since` is when it entered this state (ms since the epoch).
 */
export interface ConsumerStatus {
  stream: string;
  /** The consumer group; null for a follower. */
  group: string | null;
  state: 'running' | 'retrying' | 'stopped';
  since: number;
  lastError?: string;
  /** Handler failures so far (each failed delivery counts once). */
  handlerFailures: number;
  /** Events this consumer moved to the dead letters. */
  deadLettered: number;
}

/** An event whose handler failed too often, kept with why (the `<stream>:dead` stream). */
export interface DeadLetter {
  /** Its id on the dead-letter stream. */
  id: string;
  /** Its id on the source stream, where it was acknowledged. */
  originalId: string;
  /** The event's own id (as published), kept when it is driven again. */
  eventId: string;
  stream: string;
  group: string;
  type: string;
  /** The payload as it was stored (JSON text: it may be what could not be decoded). */
  payloadJson: string;
  occurredAt: string;
  error: string;
  deliveries: number;
  deadAt: string;
}

/** The dead-letter stream of a stream. */
export function deadLetterStream(stream: string): string {
  return `${stream}:dead`;
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
  /** Delivered and not yet acknowledged, over all members. */
  pending: number;
  /** Entries not yet delivered to the group; null when the server cannot tell (Redis before 7, or after a trim). */
  lag: number | null;
  lastDeliveredId: string;
}

export interface Subscription {
  stop(): Promise<void>;
  status(): ConsumerStatus;
}

/**
 * At-least-once event streams read by consumer groups: each group sees every
 * event, each event goes to one member of the group, and an event is
 * acknowledged only after its handler succeeds.
 */
export interface EventBus {
  publish(stream: string, type: string, payload: unknown, envelope?: PublishEnvelope): Promise<string>;
  /**
   * Joins a group (created at the stream's start, with the stream, if
   * missing) and hands it events until stopped. It never gives up: a lost
   * connection or a group that vanished (Redis flushed or replaced) is
   * retried with capped backoff and the group recreated; status() says so.
   */
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
  /** The oldest dead letters of a stream, at most `count`. */
  deadLetters(stream: string, count?: number): Promise<DeadLetter[]>;
  deadLetterCount(stream: string): Promise<number>;
  /**
   * Appends dead letters to their source stream again (same type, payload and
   * time; a new id), so every group and follower sees them once more, and
   * removes them from the dead letters. `all` redrives every one. Returns the
   * ids redriven (on the dead-letter stream).
   */
  redrive(stream: string, ids: string[] | 'all'): Promise<string[]>;
  /** Forgets a member of a group; the caller makes sure it holds nothing pending. */
  removeConsumer(stream: string, group: string, consumer: string): Promise<void>;
  close(): Promise<void>;
}

/** Defaults of both buses (EVENTS_* settings); each consume call may override the first two. */
export interface EventBusOptions {
  /** Failed deliveries before an event is dead-lettered (EVENTS_MAX_DELIVERIES). */
  maxDeliveries?: number;
  /** An unacknowledged event is handed out again after this long (EVENTS_REDELIVER_AFTER_MS). */
  redeliverAfterMs?: number;
  /** Backoff of a consumer that cannot read (EVENTS_RETRY_MAX_MS caps it). */
  retry?: RetryPolicy;
  /** Entries a stream keeps (approximately). */
  maxLength?: number;
}
