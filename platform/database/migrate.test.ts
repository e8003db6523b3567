import { createDatabaseDriver } from './database';
import { migrate, readMigrations } from './migrate';
import { testConfig } from '../../test/support/testEnvironment';

// The test run's database was migrated by globalSetup; applying again must be
// a no-op, also when several service processes start at once against
// PostgreSQL (an embedded data directory belongs to one process only).
it('applies nothing to an up-to-date database, even from concurrent migrators', async () => {
  const config = testConfig();
  const processes = config.database.kind === 'postgres' ? 3 : 1;
  const drivers = await Promise.all(Array.from({ length: processes }, () => createDatabaseDriver(config.database)));
  try {
    const results = await Promise.all(drivers.map((driver) => migrate(driver)));
    expect(results).toEqual(drivers.map(() => []));
  } finally {
    await Promise.all(drivers.map((d) => d.close()));
  }
});

it('records migrations exactly as prisma migrate deploy does', async () => {
  const config = testConfig();
  const driver = await createDatabaseDriver(config.database);
  try {
    const { PrismaClient } = await import('../../prisma/generated/client/client');
    const prisma = new PrismaClient({ adapter: driver.adapterFactory() });
    const rows = await prisma.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`;
    await prisma.$disconnect();
    const committed = readMigrations().migrationDirectories;
    const crypto = await import('node:crypto');
    expect(rows.map((r) => r.migration_name)).toEqual(committed.map((m) => m.path));
    for (const [i, row] of rows.entries()) {
      const content = committed[i]!.migrationFile.content;
      // Prisma's checksum: SHA-256 of the migration file.
      expect(row.checksum).toBe(crypto.createHash('sha256').update(content.tag === 'ok' ? content.value : '').digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  } finally {
    await driver.close();
  }
});
