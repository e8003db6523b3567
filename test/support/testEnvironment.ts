import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../platform/config';

// The test run's own settings, handed from globalSetup to the workers through
// the environment. The suite runs embedded by default; DATABASE_URL and
// REDIS_URL switch it to real PostgreSQL and Redis (`npm run test:services`).

const TEMPLATE_DIR = 'SMARTCART_TEST_PGLITE_TEMPLATE';
const DATABASE_URL = 'SMARTCART_TEST_DATABASE_URL';
const REDIS_PREFIX = 'SMARTCART_TEST_REDIS_PREFIX';

export interface TestRun {
  mode: 'embedded' | 'services';
  /** Migrated PGlite data directory that each test file copies (embedded). */
  pgliteTemplateDir?: string;
  /** Throwaway, migrated database of this run (services). */
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
}

export function baseConfig(): Config {
  return loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
}

export function publishTestRun(run: TestRun): void {
  if (run.pgliteTemplateDir) process.env[TEMPLATE_DIR] = run.pgliteTemplateDir;
  if (run.databaseUrl) process.env[DATABASE_URL] = run.databaseUrl;
  if (run.redisPrefix) process.env[REDIS_PREFIX] = run.redisPrefix;
}

export function currentTestRun(): TestRun {
  const config = baseConfig();
  return {
    mode: config.database.kind === 'postgres' ? 'services' : 'embedded',
    pgliteTemplateDir: process.env[TEMPLATE_DIR],
    databaseUrl: process.env[DATABASE_URL],
    redisUrl: config.redis?.url,
    redisPrefix: process.env[REDIS_PREFIX],
  };
}

/**
 * A configuration for one test file: its own copy of the embedded database,
 * or the run's throwaway PostgreSQL database, and its own Redis namespace.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const run = currentTestRun();
  const env: Record<string, string | undefined> = {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    SEED_DEMO_DATA: 'false',
    MIGRATE_ON_START: 'false',
    // Every request of a test file comes from 127.0.0.1: the production budgets would make
    // busy tests flaky. The rate limit tests set their own, small budgets.
    RATE_LIMIT_ADDRESS_POINTS: '1000000000',
    RATE_LIMIT_SESSION_POINTS: '1000000000',
    RATE_LIMIT_API_KEY_POINTS: '1000000000',
    RATE_LIMIT_STRICT_FIELDS: 'startSession:1000000/60',
    // The services sign their calls to each other, as in production (where a subgraph also refuses unsigned ones).
    INTERNAL_AUTH_SECRET: 'test-only-internal-secret-0123456789abcdef',
    // Fifty parallel cart writes queue on one row for seconds on a busy machine: the production
    // default (5 s) would fail them. The timeout tests set their own, small ones.
    SUBGRAPH_TIMEOUT_MS: '30000',
    ...overrides,
  };
  if (overrides.DATABASE_URL) {
    // A test that brings a database of its own (one it may stop) keeps it.
  } else if (run.mode === 'services') {
    env.DATABASE_URL = run.databaseUrl;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-test-'));
    if (run.pgliteTemplateDir) fs.cpSync(run.pgliteTemplateDir, dir, { recursive: true });
    env.DATA_DIR = dir;
  }
  if (run.redisUrl) env.REDIS_KEY_PREFIX = `${run.redisPrefix ?? 'smartcart-test:'}${crypto.randomBytes(4).toString('hex')}:`;
  return loadConfig(env);
}
