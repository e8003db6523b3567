import { defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { migrate } from '../platform/database/migrate';

// `npm run db:migrate`: applies the committed migrations to the configured database.
export const dbMigrateCommand = defineCommand({
  name: 'db:migrate',
  migrateFirst: false,
  parse(argv: string[]): Record<string, never> {
    if (argv.length > 0) throw new UsageError('usage: npm run db:migrate');
    return {};
  },
  async run({ infra }) {
    return { applied: await migrate(infra.database) };
  },
  report({ applied }, out) {
    out.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
    return 0;
  },
});

if (require.main === module) runCli(dbMigrateCommand);
