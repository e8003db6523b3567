import fs from 'node:fs';
import { Client } from 'pg';
import Redis from 'ioredis';
import { baseConfig, currentTestRun } from './support/testEnvironment';

export default async function globalTeardown(): Promise<void> {
  const run = currentTestRun();
  const config = baseConfig();
  if (run.pgliteTemplateDir) fs.rmSync(run.pgliteTemplateDir, { recursive: true, force: true });
  if (run.databaseUrl && config.database.kind === 'postgres') {
    const name = new URL(run.databaseUrl).pathname.slice(1);
    const admin = new Client({ connectionString: config.database.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  if (run.redisUrl && run.redisPrefix) {
    const redis = new Redis(run.redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${run.redisPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}
