import { Client } from 'pg';
import { eventually } from '../../test/support/eventually';
import { testConfig } from '../../test/support/testEnvironment';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test/support/throwawayPostgres';
import { createDatabaseDriver, openDatabase, type Database } from './database';

// A service that stops talking inside a transaction (its host lost, its
// process frozen) must not keep its locks — the outbox relay's advisory lock
// above all, which would keep every other replica's relay standing by. The
// sessions our pool opens tell PostgreSQL to end such a session after
// DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS. Against a PostgreSQL server of this
// test's own (in both suite modes: the bound is PostgreSQL's, PGlite has no sessions).

let server: ThrowawayPostgres;
let db: Database;
const LOCK_KEY = 7_270_740;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  const config = testConfig({ DATABASE_URL: server.url, DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1000' }).database;
  db = openDatabase(await createDatabaseDriver(config));
}, 120_000);

afterAll(async () => {
  await db?.close();
  await server?.remove();
});

test('every pooled session carries the idle-in-transaction bound and TCP keepalives', async () => {
  const [idle] = await db.prisma.$queryRawUnsafe<{ idle_in_transaction_session_timeout: string }[]>('SHOW idle_in_transaction_session_timeout');
  const [keepalive] = await db.prisma.$queryRawUnsafe<{ tcp_keepalives_idle: string }[]>('SHOW tcp_keepalives_idle');
  expect(idle?.idle_in_transaction_session_timeout).toBe('1s');
  expect(keepalive?.tcp_keepalives_idle).toBe('30');
});

test('a transaction whose client goes silent is ended by the server and its advisory lock freed', async () => {
  const other = new Client({ connectionString: server.url });
  await other.connect();
  try {
    let freed!: () => void;
    const lockFreed = new Promise<void>((resolve) => (freed = resolve));
    let taken!: () => void;
    const lockTaken = new Promise<void>((resolve) => (taken = resolve));
    // The holder takes the lock, then says nothing until the other client has the lock:
    // without the bound that never happens and the wait below runs out.
    const holder = db.prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', LOCK_KEY);
        if (!lock?.locked) throw new Error('the lock was not free at the start');
        taken();
        await lockFreed;
        await tx.$queryRawUnsafe('SELECT 1');
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    const settled = holder.then(
      () => 'committed',
      () => 'ended by the server',
    );
    await lockTaken;
    const { rows: held } = await other.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [LOCK_KEY]);
    expect(held[0]?.locked).toBe(false);
    await eventually(
      async () => {
        const { rows } = await other.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [LOCK_KEY]);
        return rows[0]?.locked ? true : undefined;
      },
      60_000,
      'the lock freed by the server',
    );
    freed();
    expect(await settled).toBe('ended by the server');
    // The pool replaces the ended session: the service goes on working.
    const [one] = await db.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT 1 AS n');
    expect(one?.n).toBe(1);
  } finally {
    await other.end();
  }
});
