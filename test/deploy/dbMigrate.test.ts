import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { projectRoot } from '../../platform/paths';
import { readMigrations } from '../../platform/database/migrate';
import { testConfig } from '../support/testEnvironment';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres';

// `npm run db:migrate` as an operator runs it on a fresh server: the database
// named by DATABASE_URL does not exist yet. Against the run's PostgreSQL
// (`npm run test:services`), or a throwaway server of this test's own when the
// suite runs embedded.

const run = promisify(execFile);
const NODE_ARGS = ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx', 'scripts/db-migrate.ts'];
const committed = readMigrations().migrationDirectories.map((m) => m.path);

let server: ThrowawayPostgres | undefined;
let adminUrl: string;
const name = `smartcart_fresh_${crypto.randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  const base = testConfig().database;
  if (base.kind === 'postgres') {
    const url = new URL(base.url);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    server = await startThrowawayPostgres();
    adminUrl = server.url;
  }
}, 120_000);

afterAll(async () => {
  if (adminUrl) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  await server?.remove();
});

function freshUrl(): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dbMigrate(databaseUrl: string): Promise<string> {
  // Only what an operator sets: the database; no Redis (the in-process bus).
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  const { stdout } = await run(process.execPath, NODE_ARGS, { cwd: projectRoot, env, timeout: 120_000 });
  return stdout;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

it('creates a missing database, applies every migration, and applies nothing the second time', async () => {
  const before = await query<{ datname: string }>(adminUrl, `SELECT datname FROM pg_database WHERE datname = '${name}'`);
  expect(before).toEqual([]);

  const first = await dbMigrate(freshUrl());
  expect(first).toContain('Created the database.');
  expect(first).toContain(`Applied: ${committed.join(', ')}`);

  const applied = await query<{ migration_name: string }>(freshUrl(), 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name');
  expect(applied.map((r) => r.migration_name)).toEqual(committed);
  const schemas = await query<{ nspname: string }>(freshUrl(), `SELECT nspname FROM pg_namespace WHERE nspname IN ('catalog', 'shoppers', 'recs') ORDER BY 1`);
  expect(schemas.map((r) => r.nspname)).toEqual(['catalog', 'recs', 'shoppers']);

  const second = await dbMigrate(freshUrl());
  expect(second).not.toContain('Created the database.');
  expect(second).toContain('Database is up to date.');
}, 240_000);

it('fails with a clear message, creating nothing, when the server cannot be reached', async () => {
  const unreachable = new URL(freshUrl());
  unreachable.port = '1';
  await expect(dbMigrate(unreachable.toString())).rejects.toMatchObject({ stderr: expect.stringMatching(/db:migrate failed: .*ECONNREFUSED/) });
}, 60_000);
