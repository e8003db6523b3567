import type { Prisma } from '../../../prisma/generated/client/client';
import type { OutboxEvent, OutboxSchema } from './outboxEvent';

/** Any Prisma client, or the transaction client of the change the events describe. */
export type SqlClient = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

/**
 * Inserts the events in one statement, in their order (which becomes their
 * `seq`, the order the relay publishes in). Called with the transaction
 * client of the change, so the events commit or roll back with it.
 */
export async function appendToOutbox(client: SqlClient, schema: OutboxSchema, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({
    id: e.id,
    stream: e.stream,
    type: e.type,
    aggregateId: e.aggregateId,
    // undefined has no JSON text; the bus stores null for it too.
    payload: e.payload === undefined ? null : e.payload,
    occurredAt: e.occurredAt.toISOString(),
  }));
  // The schema is one of two fixed names (OutboxSchema), never input.
  await client.$executeRawUnsafe(
    `INSERT INTO "${schema}"."outbox_event" (id, stream, type, aggregate_id, payload, occurred_at)
     SELECT (e->>'id')::uuid, e->>'stream', e->>'type', e->>'aggregateId', e->'payload', (e->>'occurredAt')::timestamptz
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n`,
    JSON.stringify(rows),
  );
}
