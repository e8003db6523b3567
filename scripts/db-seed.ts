import { defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { seedDemoDataIfEmpty, settleDemoRecommender } from './demoData';

// `npm run db:seed`: the demo catalog, only into an empty catalog, and the
// demo shoppers with their orders, only into a shop without orders. Handed to
// a running embedded API, its recommender learns them and refits at once;
// otherwise at its next start or scheduled training.
export const dbSeedCommand = defineCommand({
  name: 'db:seed',
  parse(argv: string[]): Record<string, never> {
    if (argv.length > 0) throw new UsageError('usage: npm run db:seed');
    return {};
  },
  async run({ infra, services }) {
    const seeded = await seedDemoDataIfEmpty(infra);
    if (seeded.events > 0) await settleDemoRecommender(services);
    return seeded;
  },
  report(seeded, out) {
    out.write(seeded.products > 0 ? `Seeded ${seeded.products} demo products.\n` : 'Catalog not empty; no products seeded.\n');
    out.write(
      seeded.orders > 0
        ? `Seeded ${seeded.shoppers} demo shoppers with ${seeded.orders} orders (${seeded.events} purchases).\n`
        : 'The shop has orders or demo shoppers already; no shoppers seeded.\n',
    );
    return 0;
  },
});

if (require.main === module) runCli(dbSeedCommand);
