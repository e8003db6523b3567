import fs from 'node:fs';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { migrationsDir, prismaSchemaDir } from '../paths';
import type { DatabaseDriver } from './database';

// Prisma's own schema engine, compiled to WebAssembly, applies the committed
// migrations: the same checks and the same `_prisma_migrations` bookkeeping as
// `prisma migrate deploy`, without the native binary it would download.

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm', { with: { 'resolution-mode': 'import' } });
type SchemaEngine = Awaited<ReturnType<SchemaEngineModule['SchemaEngine']['new']>>;
type MigrationList = Parameters<SchemaEngine['applyMigrations']>[0]['migrationsList'];

const NO_FILTERS = { externalTables: [], externalEnums: [] };
/** Differs from Prisma's own advisory key so the two can never wait on each other. */
const MIGRATION_LOCK_KEY = 72_707_370;

export function readSchemaFiles(dir = prismaSchemaDir): { path: string; content: string }[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.prisma'))
    .sort()
    .map((file) => ({ path: path.join(dir, file), content: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

export function readMigrations(dir = migrationsDir): MigrationList {
  const lockfile = path.join(dir, 'migration_lock.toml');
  const directories = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockfile) ? fs.readFileSync(lockfile, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

export async function loadSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  let engineModule: SchemaEngineModule;
  try {
    engineModule = await import('@prisma/schema-engine-wasm');
  } catch (error) {
    throw new Error(
      'Could not load the Prisma schema engine (WebAssembly). Run node with --experimental-wasm-modules ' +
        `(the npm scripts do). Cause: ${(error as Error).message}`,
    );
  }
  const files = readSchemaFiles();
  return engineModule.SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content]) },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

/** Applies pending migrations; returns the names applied (none when up to date). */
export async function migrate(driver: DatabaseDriver): Promise<string[]> {
  // Prisma's engine also locks, but gives up after 10 s; ours waits for a slow peer.
  return driver.withExclusiveLock(MIGRATION_LOCK_KEY, () =>
    driver.withMigrationAdapter(async (factory) => {
      const engine = await loadSchemaEngine(factory);
      try {
        const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTERS });
        return result.appliedMigrationNames;
      } finally {
        engine.free();
      }
    }),
  );
}

/**
 * SQL that would bring the committed migrations up to the Prisma schema;
 * empty when they agree. Needs a shadow database (PGlite makes one in memory).
 */
export async function diffMigrationsToSchema(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const engine = await loadSchemaEngine(factory);
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...readMigrations() },
      to: { tag: 'schemaDatamodel', files: readSchemaFiles() },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (result as { stdout?: string }).stdout ?? '';
  } finally {
    engine.free();
  }
}

export function isEmptyMigration(sql: string): boolean {
  return sql.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--'));
}
