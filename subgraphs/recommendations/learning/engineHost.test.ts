import crypto from 'node:crypto';
import { openDatabase } from '../../../platform/database/database';
import { publishEvent } from '../../../platform/events/publish';
import type { ProductSnapshot } from '../../../platform/events/topics';
import { createInfrastructure, type Infrastructure } from '../../../platform/infrastructure';
import { createLogger } from '../../../platform/logger';
import { waitFor } from '../../../test/support/freePort';
import { testConfig } from '../../../test/support/testEnvironment';
import { EngineHost } from './engineHost';

// The host learns from the streams, persists what it learned, and a new
// process (a restart) serves the same answers at once from the snapshot.

let infra: Infrastructure;
const hosts: EngineHost[] = [];
const dbs: ReturnType<typeof openDatabase>[] = [];

beforeAll(async () => {
  infra = await createInfrastructure(testConfig(), createLogger('silent'));
});

afterAll(async () => {
  for (const host of hosts) await host.stop();
  for (const db of dbs) await db.close();
  await infra.close();
});

function snapshot(name: string): ProductSnapshot {
  return {
    productId: crypto.randomUUID(),
    sku: `host-${name}-${crypto.randomBytes(3).toString('hex')}`,
    name,
    brand: null,
    tags: [],
    categoryId: null,
    categoryPath: [],
    price: '1.00',
    effectivePrice: '1.00',
    currency: 'EUR',
    stockQuantity: 5,
    dietaryTags: [],
    sustainabilityScore: null,
    carbonFootprintKg: null,
    sustainabilityLabels: [],
    storeIds: [],
    archived: false,
  };
}

function startHost(instanceId: string): Promise<EngineHost> {
  const db = openDatabase(infra.database);
  dbs.push(db);
  const host = new EngineHost({ db, events: infra.events, logger: createLogger('silent'), instanceId, trainIntervalMs: 0 });
  hosts.push(host);
  return host.start().then(() => host);
}

it('learns from the streams, saves a snapshot, and a restarted host serves the same at once', async () => {
  const instanceId = `host-test-${crypto.randomBytes(3).toString('hex')}`;
  const first = await startHost(instanceId);
  const [tea, lemon, sugar] = [snapshot('Tea'), snapshot('Lemon'), snapshot('Sugar')];
  for (const product of [tea, lemon, sugar]) await publishEvent(infra.events, 'catalog', 'product.created', product);
  const shopperId = crypto.randomUUID();
  for (let basket = 0; basket < 6; basket++) {
    const basketId = crypto.randomUUID();
    for (const product of basket < 4 ? [tea, lemon] : [tea, sugar]) {
      await publishEvent(infra.events, 'interactions', 'interaction', {
        eventId: crypto.randomUUID(),
        shopperId,
        type: 'PURCHASE',
        productId: product.productId,
        query: null,
        recommendationId: null,
        basketId,
        quantity: 1,
        occurredAt: new Date().toISOString(),
      });
    }
  }
  const together = () => first.engine.frequentlyBoughtTogether(tea.productId, { first: 2, strict: true }).items.map((r) => r.productId);
  await waitFor(async () => together().length === 2, 10_000, 'co-purchases learned');
  expect(together()).toEqual([lemon.productId, sugar.productId]);
  await first.train();
  await first.stop();

  const restarted = await startHost(instanceId);
  const answer = restarted.engine.frequentlyBoughtTogether(tea.productId, { first: 2, strict: true });
  expect(answer.items.map((r) => r.productId)).toEqual([lemon.productId, sugar.productId]);
  // Lemon was in 4 of the 6 baskets with tea.
  expect(answer.items[0]!.reason).toBe('Bought with Tea in 67% of its baskets');
});

it('knows the products published before any replica first started (a fresh system: the demo seed, an early import)', async () => {
  // A bus namespace of its own, on which no replica has run yet.
  const fresh = await createInfrastructure(testConfig(), createLogger('silent'));
  try {
    const [bread, butter] = [snapshot('Early bread'), snapshot('Early butter')];
    for (const product of [bread, butter]) await publishEvent(fresh.events, 'catalog', 'product.created', product);
    const db = openDatabase(fresh.database);
    dbs.push(db);
    const host = new EngineHost({ db, events: fresh.events, logger: createLogger('silent'), instanceId: `host-fresh-${crypto.randomBytes(3).toString('hex')}`, trainIntervalMs: 0 });
    await host.start();
    try {
      const basketId = crypto.randomUUID();
      for (const product of [bread, butter]) {
        await publishEvent(fresh.events, 'interactions', 'interaction', {
          eventId: crypto.randomUUID(),
          shopperId: crypto.randomUUID(),
          type: 'PURCHASE',
          productId: product.productId,
          query: null,
          recommendationId: null,
          basketId,
          quantity: 1,
          occurredAt: new Date().toISOString(),
        });
      }
      // Before the fix the engine's catalog stayed without them until a restart: every list came back empty.
      const together = () => host.engine.frequentlyBoughtTogether(bread.productId, { first: 2, strict: true }).items.map((r) => r.productId);
      await waitFor(async () => together().length > 0, 10_000, 'bread bought with butter');
      expect(together()).toEqual([butter.productId]);
    } finally {
      await host.stop();
    }
  } finally {
    await fresh.close();
  }
});
