import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { PrismaClient } from '../../prisma/generated/client/client';
import { testConfig } from '../../test/support/testEnvironment';
import type { DatabaseConfig } from '../config';
import { createDatabaseDriver } from './database';
import { migrate, readMigrations } from './migrate';

const committed = readMigrations().migrationDirectories.map((m) => m.path);

/** A brand-new empty database of the run's kind, dropped by `drop()`. */
async function emptyDatabase(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> {
  const base = testConfig().database;
  if (base.kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-empty-'));
    return { config: { kind: 'pglite', dataDir }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `smartcart_migrate_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.url);
  url.pathname = `/${name}`;
  return {
    config: { ...base, url: url.toString() },
    drop: async () => {
      const again = new Client({ connectionString: base.url });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

// Several service processes may start at once against one PostgreSQL: exactly
// one applies each migration. (An embedded data directory has one process.)
it('applies every committed migration once, then nothing, even with concurrent migrators', async () => {
  const database = await emptyDatabase();
  const processes = database.config.kind === 'postgres' ? 3 : 1;
  const drivers = await Promise.all(Array.from({ length: processes }, () => createDatabaseDriver(database.config)));
  try {
    const results = await Promise.all(drivers.map((driver) => migrate(driver)));
    expect(results.flat().sort()).toEqual(committed);
    expect(await migrate(drivers[0]!)).toEqual([]);

    // Recorded exactly as `prisma migrate deploy` records them, checksum included.
    const prisma = new PrismaClient({ adapter: drivers[0]!.adapterFactory() });
    const rows = await prisma.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    await prisma.$disconnect();
    expect(rows.map((row) => row.migration_name)).toEqual(committed);
    for (const [i, row] of rows.entries()) {
      const file = path.join(readMigrations().baseDir, committed[i]!, 'migration.sql');
      expect(row.checksum).toBe(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
      expect(row.finished_at).not.toBeNull();
    }
  } finally {
    await Promise.all(drivers.map((d) => d.close()));
    await database.drop();
  }
});
