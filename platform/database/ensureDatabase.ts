import { Client, type DatabaseError } from 'pg';
import type { DatabaseConfig } from '../config';

// `npm run db:migrate` against a server where the database does not exist yet
// (a fresh PostgreSQL, a new environment): create it, then migrate. The
// services themselves never create databases; only the migrate step does.

const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';

/** Database names PostgreSQL keeps on every server, tried in order to issue CREATE DATABASE from. */
const MAINTENANCE_DATABASES = ['postgres', 'template1'];

function code(error: unknown): string | undefined {
  return (error as Partial<DatabaseError> | undefined)?.code;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The database name a postgresql:// URL names (the user's name when the path is empty, as libpq does). */
export function databaseNameOf(url: string): string {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return name || decodeURIComponent(parsed.username) || 'postgres';
}

/**
 * Creates the configured PostgreSQL database when it is missing. Returns
 * `created`, `exists`, or `embedded` (PGlite creates its directory itself).
 * Creating needs the CREATEDB privilege; without it the error says what to run.
 */
export async function ensureDatabase(config: DatabaseConfig): Promise<'created' | 'exists' | 'embedded'> {
  if (config.kind === 'pglite') return 'embedded';
  const probe = new Client({ connectionString: config.url, connectionTimeoutMillis: config.connectTimeoutMs });
  try {
    await probe.connect();
    return 'exists';
  } catch (error) {
    if (code(error) !== INVALID_CATALOG_NAME) throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }

  const name = databaseNameOf(config.url);
  let lastError: unknown;
  for (const maintenance of MAINTENANCE_DATABASES) {
    const url = new URL(config.url);
    url.pathname = `/${maintenance}`;
    const admin = new Client({ connectionString: url.toString(), connectionTimeoutMillis: config.connectTimeoutMs });
    try {
      await admin.connect();
    } catch (error) {
      lastError = error;
      await admin.end().catch(() => undefined);
      if (code(error) === INVALID_CATALOG_NAME) continue;
      throw error;
    }
    try {
      await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      return 'created';
    } catch (error) {
      // Another migrator created it in between: fine.
      if (code(error) === DUPLICATE_DATABASE) return 'exists';
      throw new Error(
        `database "${name}" does not exist and could not be created (${(error as Error).message}); ` +
          `create it as a privileged user: CREATE DATABASE ${quoteIdentifier(name)} OWNER ${quoteIdentifier(decodeURIComponent(url.username) || 'postgres')};`,
      );
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  throw new Error(`database "${name}" does not exist, and neither does a maintenance database to create it from (${(lastError as Error).message})`);
}
