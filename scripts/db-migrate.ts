import { defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { ensureDatabase } from '../platform/database/ensureDatabase';
import { migrate } from '../platform/database/migrate';

// `npm run db:migrate`: creates the configured database when it is missing, then
// applies the committed migrations to it. The PostgreSQL pool connects lazily,
// so the database can still be created here, before the first query.
export const dbMigrateCommand = defineCommand({
  name: 'db:migrate',
  migrateFirst: false,
  parse(argv: string[]): Record<string, never> {
    if (argv.length > 0) throw new UsageError('usage: npm run db:migrate');
    return {};
  },
  async run({ infra, where }) {
    const database = where === 'cli' ? await ensureDatabase(infra.config.database) : 'exists';
    return { created: database === 'created', applied: await migrate(infra.database) };
  },
  report({ created, applied }, out) {
    if (created) out.write('Created the database.\n');
    out.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
    return 0;
  },
});

if (require.main === module) runCli(dbMigrateCommand);
