import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../prisma/generated/client/client';
import type { DatabaseConfig } from '../config';
import { acquireDataDirLock } from '../embedded/dataDirLock';
import { serviceMetrics } from '../observability/metrics';
import { StatementCounter, countingAdapterFactory } from './statementCounter';
import { statementTelemetry } from './statementTelemetry';

export type { PrismaClient };

/**
 * The physical connection: one PGlite instance (embedded) or one pg pool (PostgreSQL).
 * Services in the same process share a driver but each opens its own `Database`,
 * so statements are counted per service.
 */
export interface DatabaseDriver {
  readonly kind: DatabaseConfig['kind'];
  adapterFactory(): SqlMigrationAwareDriverAdapterFactory;
  /**
   * Runs `fn` with an adapter on a single dedicated connection: the schema
   * engine takes a session-level advisory lock, which must be released on
   * the connection that took it.
   */
  withMigrationAdapter<T>(fn: (factory: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T>;
  /** Runs `fn` while holding a cluster-wide lock: one migrator at a time across processes. */
  withExclusiveLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** PostgreSQL: the pool's connections now (embedded PGlite has no pool). */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
  max: number;
}

export interface Database {
  readonly kind: DatabaseConfig['kind'];
  readonly prisma: PrismaClient;
  readonly statements: StatementCounter;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function createDatabaseDriver(config: DatabaseConfig): Promise<DatabaseDriver> {
  if (config.kind === 'pglite') {
    fs.mkdirSync(config.dataDir, { recursive: true });
    // Throws DataDirInUseError when another live process has the directory open.
    const lock = acquireDataDirLock(config.dataDir, openerName());
    let pglite: PGlite;
    try {
      pglite = await PGlite.create(config.dataDir);
    } catch (error) {
      lock.release();
      throw error;
    }
    return {
      kind: 'pglite',
      adapterFactory: () => new PrismaPGlite(pglite),
      withMigrationAdapter: (fn) => fn(new PrismaPGlite(pglite)),
      // A single process owns the data directory, so there is nobody to race.
      withExclusiveLock: (_key, fn) => fn(),
      close: async () => {
        if (!pglite.closed) await pglite.close();
        lock.release();
      },
    };
  }

  const pool = new Pool({
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: config.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: config.statementTimeoutMs,
    // Read by the outbox's column default and its relay (platform/events/outbox/): the namespace of this deployment's bus.
    options: [
      `-c smartcart.outbox_namespace=${(config.outboxNamespace ?? '').replace(/\\/g, '\\\\').replace(/ /g, '\\ ')}`,
      // A client that vanishes inside a transaction (host lost, process frozen) must not hold its
      // locks for as long as the server's TCP takes to notice: the server ends such a session after
      // this idle time, and probes idle connections every 30 s so a dead peer is found in about a minute.
      `-c idle_in_transaction_session_timeout=${config.idleInTransactionTimeoutMs}`,
      '-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3',
    ].join(' '),
    // And the client side: a server or network that vanishes is noticed on idle connections too.
    keepAlive: true,
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  let closed = false;
  return {
    kind: 'postgres',
    adapterFactory: () => new PrismaPg(pool),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: config.poolSize }),
    async withMigrationAdapter(fn) {
      const single = new Pool({ connectionString: config.url, max: 1, connectionTimeoutMillis: config.connectTimeoutMs });
      single.on('error', () => undefined);
      try {
        return await fn(wholeScripts(new PrismaPg(single), single));
      } finally {
        await single.end();
      }
    },
    async withExclusiveLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** How the lock names this process to whoever finds the directory taken: `start`, `import`… */
function openerName(): string {
  const script = path.basename(process.argv[1] ?? 'node', path.extname(process.argv[1] ?? ''));
  return script === 'start' ? 'npm start' : script;
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";",
 * which cuts a function body (`$$ … $$`) apart. PostgreSQL itself runs a
 * multi-statement script sent as one simple query, in order, stopping at the
 * first error: send it whole.
 */
function wholeScripts(factory: PrismaPg, pool: Pool): SqlMigrationAwareDriverAdapterFactory {
  const whole = <A extends { executeScript(script: string): Promise<void> }>(adapter: A): A =>
    new Proxy(adapter, {
      get(target, property, receiver) {
        if (property === 'executeScript') {
          return async (script: string) => {
            await pool.query(script);
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if ((property === 'connect' || property === 'connectToShadowDb') && typeof value === 'function') {
        return async () => whole(await value.call(target));
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface OpenDatabaseOptions {
  /**
   * The service this handle belongs to: its statements are timed and traced
   * under its name, and its /metrics shows the pool. Unset (CLI commands): counted only.
   */
  service?: string;
}

export function openDatabase(driver: DatabaseDriver, options: OpenDatabaseOptions = {}): Database {
  const statements = new StatementCounter();
  const { service } = options;
  const runner = service ? statementTelemetry(service) : undefined;
  const prisma = new PrismaClient({ adapter: countingAdapterFactory(driver.adapterFactory(), statements, runner) });
  const stopReporting = service && driver.poolStats ? reportPool(service, driver.poolStats.bind(driver)) : () => undefined;
  return {
    kind: driver.kind,
    prisma,
    statements,
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: () => {
      stopReporting();
      return prisma.$disconnect();
    },
  };
}

/**
 * The pg pool's usage on the service's /metrics, read at scrape time. Services
 * in one process share the pool, so each of them reports the same figures.
 */
function reportPool(service: string, stats: () => PoolStats): () => void {
  const metrics = serviceMetrics(service);
  const stopConnections = metrics.observeGauge('smartcart_db_pool_connections', 'PostgreSQL pool connections, by state (total, idle, max)', ['state'], (gauge) => {
    const now = stats();
    gauge.set({ state: 'total' }, now.total);
    gauge.set({ state: 'idle' }, now.idle);
    gauge.set({ state: 'max' }, now.max);
  });
  const stopWaiting = metrics.observeGauge('smartcart_db_pool_waiting', 'Queries waiting for a free PostgreSQL pool connection', [], (gauge) => {
    gauge.set(stats().waiting);
  });
  return () => {
    stopConnections();
    stopWaiting();
  };
}
