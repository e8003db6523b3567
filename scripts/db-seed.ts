import { defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { seedDemoDataIfEmpty } from './demoData';

// `npm run db:seed`: the demo catalog, only into an empty catalog.
export const dbSeedCommand = defineCommand({
  name: 'db:seed',
  parse(argv: string[]): Record<string, never> {
    if (argv.length > 0) throw new UsageError('usage: npm run db:seed');
    return {};
  },
  async run({ infra }) {
    return { seeded: await seedDemoDataIfEmpty(infra) };
  },
  report({ seeded }, out) {
    out.write(seeded > 0 ? `Seeded ${seeded} demo products.\n` : 'Catalog not empty; nothing seeded.\n');
    return 0;
  },
});

if (require.main === module) runCli(dbSeedCommand);
