import crypto from 'node:crypto';
import { Client } from 'pg';
import { createDatabaseDriver } from '../../platform/database/database';
import { ensureDatabase } from '../../platform/database/ensureDatabase';
import { migrate } from '../../platform/database/migrate';
import { testConfig } from './testEnvironment';

export interface FreshDatabase {
  /** Environment overrides for startStack: empty in the embedded run, which is fresh per file already. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A migrated, empty database of the file's own. Against PostgreSQL the run's
 * database is shared by every test file, so a test that needs an empty shop
 * (the demo seed, for one) gets a new database, dropped afterwards. In the
 * embedded run each stack has its own data directory: nothing to do.
 */
export async function freshDatabase(prefix = 'smartcart_test'): Promise<FreshDatabase> {
  const shared = testConfig().database;
  if (shared.kind !== 'postgres') return { env: {}, drop: async () => {} };
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const serverUrl = new URL(shared.url).toString();
  const url = new URL(shared.url);
  url.pathname = `/${name}`;
  const config = testConfig({ DATABASE_URL: url.toString() }).database;
  await ensureDatabase(config);
  const driver = await createDatabaseDriver(config);
  try {
    await migrate(driver);
  } finally {
    await driver.close();
  }
  return {
    env: { DATABASE_URL: url.toString() },
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
