import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, loadConfigOrExit, type Config } from '../platform/config';
import { openDatabase } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { outboxEvent, type OutboxEvent } from '../platform/events/outbox/outboxEvent';
import { OutboxRelay } from '../platform/events/outbox/outboxRelay';
import { withOutbox } from '../platform/events/outbox/withOutbox';
import { Streams } from '../platform/events/topics';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { createRedis } from '../platform/redis';
import { percentile } from './percentiles';

// `npm run bench:outbox`: the transactional outbox's relay, embedded (PGlite,
// in-process bus) and, when DATABASE_URL and REDIS_URL are set, on PostgreSQL
// and Redis (in a namespace of its own, removed afterwards).
//  - throughput: a backlog of BACKLOG events committed while no relay ran,
//    then one relay started: events/s until a consumer has received them all;
//  - latency: events committed one per transaction at ~RATE/s with the relay
//    running: from each commit to its delivery to a consumer group, p50/p99.

const BACKLOG = 20_000;
const LATENCY_EVENTS = 1_000;
const RATE = 200;
const logger = createLogger('silent');

function cartEvent(): OutboxEvent {
  const cartId = crypto.randomUUID();
  return outboxEvent('carts', 'cart.updated', cartId, { cartId, shopperId: cartId, version: 1, items: [], total: '0.00', budgetStatus: 'NO_BUDGET' });
}

async function measure(label: string, config: Config): Promise<void> {
  const infra = await createInfrastructure(config, logger);
  const db = openDatabase(infra.database);
  const relay = new OutboxRelay(db.prisma, 'shoppers', infra.events, config.outbox, logger);
  try {
    await migrate(infra.database);
    const received = new Set<string>();
    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    let waiting: { count: number; resolve: () => void } | undefined;
    await infra.events.consume(
      Streams.carts,
      `bench-outbox-${crypto.randomUUID()}`,
      async (event) => {
        const at = committedAt.get(event.eventId);
        if (at !== undefined && !received.has(event.eventId)) latencies.push(performance.now() - at);
        received.add(event.eventId);
        if (waiting && received.size >= waiting.count) waiting.resolve();
      },
      { consumer: 'bench', batchSize: 500 },
    );
    const allReceived = (count: number) =>
      new Promise<void>((resolve) => {
        waiting = { count, resolve };
        if (received.size >= count) resolve();
      });

    for (let written = 0; written < BACKLOG; written += 1000) {
      await withOutbox(db.prisma, 'shoppers', async (_tx, outbox) => {
        for (let i = 0; i < 1000; i++) outbox.add(cartEvent());
      });
    }
    const started = performance.now();
    relay.start();
    await allReceived(BACKLOG);
    const seconds = (performance.now() - started) / 1000;

    for (let i = 0; i < LATENCY_EVENTS; i++) {
      const event = cartEvent();
      await withOutbox(db.prisma, 'shoppers', async (_tx, outbox) => outbox.add(event));
      committedAt.set(event.id, performance.now());
      await new Promise((resolve) => setTimeout(resolve, 1000 / RATE));
    }
    await allReceived(BACKLOG + LATENCY_EVENTS);
    process.stdout.write(
      `| ${label} | ${BACKLOG} | ${Math.round(BACKLOG / seconds)} | ${LATENCY_EVENTS} at ~${RATE}/s | ` +
        `${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} |\n`,
    );
  } finally {
    await relay.stop();
    // Only this run's namespace: the rows of anyone else sharing the database stay.
    if (config.database.kind === 'postgres') {
      await db.prisma.$executeRawUnsafe(`DELETE FROM shoppers.outbox_event WHERE namespace = current_setting('smartcart.outbox_namespace', true)`);
    }
    await db.close();
    await infra.close();
    if (config.redis) {
      const redis = await createRedis(config.redis);
      await redis.del(`${config.redis.keyPrefix}stream:${Streams.carts}`);
      redis.disconnect();
    }
  }
}

async function main(): Promise<void> {
  const env = loadConfigOrExit();
  process.stdout.write(
    `outbox relay, batch ${env.outbox.batchSize}\n\n| mode | backlog | relay events/s | latency run | commit→consumer p50 ms | p99 ms |\n|---|---|---|---|---|---|\n`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-bench-outbox-'));
  try {
    await measure('embedded (PGlite, in-process bus)', loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (env.database.kind === 'postgres' && env.redis) {
    await measure(
      'services (PostgreSQL, Redis)',
      loadConfig({
        DATABASE_URL: env.database.url,
        REDIS_URL: env.redis.url,
        REDIS_KEY_PREFIX: `smartcart-bench-outbox-${crypto.randomBytes(4).toString('hex')}:`,
        LOG_LEVEL: 'silent',
      }),
    );
  } else {
    process.stdout.write('\n(services mode skipped: set DATABASE_URL and REDIS_URL to measure it)\n');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
