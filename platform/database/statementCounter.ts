import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import { currentBackgroundWork } from './backgroundWork';
import type { StatementRunner } from './statementTelemetry';

/**
 * Counts the SQL statements a service sends. Exposed as a metric and used by
 * tests to prove that DataLoader batching holds (N entities, one statement).
 */
export class StatementCounter {
  private count = 0;
  private readonly listeners = new Set<{ listener: (sql: string) => void; includeBackground: boolean }>();

  get total(): number {
    return this.count;
  }

  record(sql: string): void {
    this.count += 1;
    const background = currentBackgroundWork() !== undefined;
    for (const { listener, includeBackground } of this.listeners) if (includeBackground || !background) listener(sql);
  }

  /**
   * Calls `listener` for every statement until the returned function is
   * called; statements of background work (platform/database/backgroundWork.ts)
   * only with `includeBackground`.
   */
  watch(listener: (sql: string) => void, options: { includeBackground?: boolean } = {}): () => void {
    const entry = { listener, includeBackground: options.includeBackground ?? false };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }
}

function countQueries<T extends SqlDriverAdapter | Transaction>(target: T, counter: StatementCounter, runner?: StatementRunner): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'queryRaw' || property === 'executeRaw') {
        return (query: { sql: string }) => {
          counter.record(query.sql);
          return runner ? runner(query.sql, () => value.call(object, query)) : value.call(object, query);
        };
      }
      if (property === 'startTransaction') {
        return async (...args: unknown[]) => countQueries(await value.apply(object, args), counter, runner);
      }
      return value.bind(object);
    },
  });
}

/** The adapter factory with every statement counted and, given a runner, timed and traced (statementTelemetry). */
export function countingAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F, counter: StatementCounter, runner?: StatementRunner): F {
  return new Proxy(factory, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (property === 'connect' && typeof value === 'function') {
        return async () => countQueries(await value.call(object), counter, runner);
      }
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
