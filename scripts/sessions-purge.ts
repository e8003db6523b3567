import { defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { openDatabase } from '../platform/database/database';
import { SessionRepository } from '../subgraphs/users/data/sessionRepository';

// `npm run sessions:purge`: the users subgraph's scheduled purge of abandoned
// anonymous shoppers, run once now (ANONYMOUS_RETENTION_DAYS applies); beside
// a running embedded API it runs inside it.
export const sessionsPurgeCommand = defineCommand({
  name: 'sessions:purge',
  parse(argv: string[]): Record<string, never> {
    if (argv.length > 0) throw new UsageError('usage: npm run sessions:purge');
    return {};
  },
  async run({ infra }) {
    const db = openDatabase(infra.database);
    try {
      const { sessions } = infra.config;
      const purged = await new SessionRepository(db.prisma, sessions).purgeAnonymous(sessions.anonymousRetentionMs);
      return { purged, days: sessions.anonymousRetentionMs / 86_400_000 };
    } finally {
      await db.close();
    }
  },
  report({ purged, days }, out) {
    out.write(`Purged ${purged} anonymous shopper(s) not seen for ${days} day(s), with their carts and sessions.\n`);
    return 0;
  },
});

if (require.main === module) runCli(sessionsPurgeCommand);
