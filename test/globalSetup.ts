import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDatabaseDriver } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { baseConfig, publishTestRun } from './support/testEnvironment';
import { ensurePlaygroundBuilt } from '../gateway/playgroundBuild';

export default async function globalSetup(): Promise<void> {
  const config = baseConfig();
  // The gateway serves the bundled playground (the page tests open it): built when missing or stale.
  await ensurePlaygroundBuilt();
  const run = crypto.randomBytes(4).toString('hex');
  const redisPrefix = config.redis ? `smartcart-test-${run}:` : undefined;

  if (config.database.kind === 'postgres') {
    const adminUrl = config.database.url;
    const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await admin.connect();
    const name = `smartcart_test_${run}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const driver = await createDatabaseDriver({ ...config.database, url: url.toString() });
    try {
      await migrate(driver);
    } finally {
      await driver.close();
    }
    publishTestRun({ mode: 'services', databaseUrl: url.toString(), redisPrefix });
    return;
  }

  // Migrating PGlite takes seconds; do it once and let each test file copy the result.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-template-'));
  const driver = await createDatabaseDriver({ kind: 'pglite', dataDir: dir });
  try {
    await migrate(driver);
  } finally {
    await driver.close();
  }
  publishTestRun({ mode: 'embedded', pgliteTemplateDir: dir, redisPrefix });
}
