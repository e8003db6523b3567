import { defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { openDatabase } from '../platform/database/database';
import { SessionRepository } from '../subgraphs/users/data/sessionRepository';

// `npm run sessions:purge`: the users subgraph's scheduled purge of abandoned
// anonymous shoppers and expired idempotency records, run once now
// (ANONYMOUS_RETENTION_DAYS, IDEMPOTENCY_KEY_RETENTION_HOURS apply); beside
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
      const repository = new SessionRepository(db.prisma, sessions);
      const purged = await repository.purgeAnonymous(sessions.anonymousRetentionMs);
      const keys = await repository.purgeIdempotencyRecords(sessions.idempotencyRetentionMs);
      return { purged, days: sessions.anonymousRetentionMs / 86_400_000, keys, hours: sessions.idempotencyRetentionMs / 3_600_000 };
    } finally {
      await db.close();
    }
  },
  report({ purged, days, keys, hours }, out) {
    out.write(`Purged ${purged} anonymous shopper(s) not seen for ${days} day(s), with their carts and sessions.\n`);
    out.write(`Purged ${keys} idempotency record(s) older than ${hours} hour(s).\n`);
    return 0;
  },
});

if (require.main === module) runCli(sessionsPurgeCommand);
