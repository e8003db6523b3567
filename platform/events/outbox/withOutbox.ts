import type { PrismaClient } from '../../database/database';
import { inTransaction } from '../../database/transact';
import type { Prisma } from '../../../prisma/generated/client/client';
import { appendToOutbox } from './appendToOutbox';
import type { OutboxEvent, OutboxSchema } from './outboxEvent';
import { notifyOutbox } from './outboxSignal';

/** Collects the events of one transaction; they are inserted before it commits. */
export class OutboxWriter {
  private readonly events: OutboxEvent[] = [];

  add(...events: OutboxEvent[]): void {
    this.events.push(...events);
  }

  get size(): number {
    return this.events.length;
  }

  /** Inserts what was added so far (the writer can be flushed more than once). */
  async flush(tx: Prisma.TransactionClient, schema: OutboxSchema): Promise<void> {
    const pending = this.events.splice(0);
    await appendToOutbox(tx, schema, pending);
  }
}

/**
 * Runs `fn` in a transaction whose events go to the schema's outbox in that
 * same transaction, then wakes this process's relay once it has committed.
 */
export async function withOutbox<T>(
  prisma: PrismaClient,
  schema: OutboxSchema,
  fn: (tx: Prisma.TransactionClient, outbox: OutboxWriter) => Promise<T>,
  options: { maxWait?: number; timeout?: number } = { maxWait: 10_000, timeout: 60_000 },
): Promise<T> {
  let wrote = false;
  const result = await inTransaction(prisma, async (tx) => {
    const outbox = new OutboxWriter();
    const value = await fn(tx, outbox);
    wrote = outbox.size > 0;
    await outbox.flush(tx, schema);
    return value;
  }, options);
  if (wrote) notifyOutbox(schema);
  return result;
}
