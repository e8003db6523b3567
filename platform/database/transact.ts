import type { Prisma } from '../../prisma/generated/client/client';
import type { PrismaClient } from './database';

/** A Prisma client, or the client of a transaction already open (a repository used inside a unit of work). */
export type Db = PrismaClient | Prisma.TransactionClient;

// Transaction clients still have a `$transaction` that would open a nested
// one (a savepoint, which the PGlite adapter cannot do), so the open ones are
// remembered rather than told apart by shape.
const open = new WeakSet<object>();

/** Runs `fn` in a new transaction whose client repositories recognise as already in one. */
export function inTransaction<T>(prisma: PrismaClient, fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  return prisma.$transaction(async (tx) => {
    open.add(tx);
    try {
      return await fn(tx);
    } finally {
      open.delete(tx);
    }
  }, options);
}

/**
 * Runs `fn` in a transaction: a new one on a client, or the caller's own
 * when `db` is the client of a transaction opened by `inTransaction`, so a
 * repository's multi-statement write joins the caller's transaction (and
 * the caller's outbox rows commit with it).
 */
export function transact<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  return open.has(db) ? fn(db as Prisma.TransactionClient) : (db as PrismaClient).$transaction(fn, options);
}
