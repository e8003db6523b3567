import crypto from 'node:crypto';
import { publishEvent } from '../../platform/events/publish';
import { Streams, type ProductSnapshot } from '../../platform/events/topics';
import { createInfrastructure, type Infrastructure } from '../../platform/infrastructure';
import { createLogger } from '../../platform/logger';
import { OUTCOME_GROUP } from '../../subgraphs/recommendations/experiments/outcomeConsumer';
import { ModelSnapshotRepository } from '../../subgraphs/recommendations/data/modelSnapshotRepository';
import { InteractionRepository } from '../../subgraphs/recommendations/data/interactionRepository';
import { PersistenceGroups } from '../../subgraphs/recommendations/learning/engineHost';
import { buildRecommendationsService, type RecommendationsService } from '../../subgraphs/recommendations/server';
import { waitFor } from '../support/freePort';
import { postGraphQL } from '../support/stack';
import { testConfig } from '../support/testEnvironment';

// Recommendation replicas on one database and one bus (Redis in the services
// run): each interaction stored once, new replicas start from the snapshot
// and what came after it, gone replicas leave nothing behind, and the cache
// is shared and invalidated by scope.

const tag = crypto.randomBytes(3).toString('hex');
let base: Infrastructure;
const infras: Infrastructure[] = [];
const replicas: RecommendationsService[] = [];
const urls = new Map<RecommendationsService, string>();

/** A replica of its own name; with Redis, on its own connections, as another process would be. */
async function replica(name: string, overrides: Record<string, string> = {}): Promise<RecommendationsService> {
  const config = { ...base.config, instanceId: `${name}-${tag}` };
  let infra: Infrastructure = { ...base, config };
  if (base.config.redis) {
    infra = await createInfrastructure({ ...config, recommendations: { ...config.recommendations, ...parseOverrides(overrides) } }, createLogger('silent'));
    infras.push(infra);
  } else {
    infra = { ...infra, config: { ...config, recommendations: { ...config.recommendations, ...parseOverrides(overrides) } } };
  }
  const service = await buildRecommendationsService(infra, { productsUrl: 'http://127.0.0.1:9/graphql', usersUrl: 'http://127.0.0.1:9/graphql' });
  replicas.push(service);
  urls.set(service, await service.service.listen(0));
  return service;
}

function parseOverrides(overrides: Record<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, Number(v)]));
}

async function stopReplica(service: RecommendationsService): Promise<void> {
  replicas.splice(replicas.indexOf(service), 1);
  await service.close();
}

function product(name: string): ProductSnapshot {
  return {
    productId: crypto.randomUUID(),
    sku: `replica-${tag}-${name}`,
    name: `${name} ${tag}`,
    brand: null,
    tags: [],
    categoryId: null,
    categoryPath: [],
    price: '1.00',
    effectivePrice: '1.00',
    currency: 'EUR',
    stockQuantity: 10,
    dietaryTags: [],
    sustainabilityScore: null,
    carbonFootprintKg: null,
    sustainabilityLabels: [],
    storeIds: [],
    archived: false,
  };
}

const eventIds: string[] = [];
async function basket(...products: ProductSnapshot[]): Promise<void> {
  const basketId = crypto.randomUUID();
  const shopperId = crypto.randomUUID();
  for (const p of products) {
    const eventId = crypto.randomUUID();
    eventIds.push(eventId);
    await publishEvent(base.events, 'interactions', 'interaction', {
      eventId,
      shopperId,
      type: 'PURCHASE',
      productId: p.productId,
      query: null,
      recommendationId: null,
      basketId,
      quantity: 1,
      occurredAt: new Date().toISOString(),
    });
  }
}

const stored = () => replicas[0]!.db.prisma.interaction.count({ where: { eventId: { in: eventIds } } });
const allStored = () => waitFor(async () => (await stored()) === eventIds.length, 15_000, 'every interaction stored');

const together = (service: RecommendationsService, p: ProductSnapshot) =>
  service.host.engine.frequentlyBoughtTogether(p.productId, { first: 5, strict: true }).items.map((r) => r.productId);

const FBT = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { frequentlyBoughtTogether(first: 3, strict: true) { items { product { id } } } } } }`;
async function fbtVia(service: RecommendationsService, p: ProductSnapshot): Promise<string[]> {
  const response = await postGraphQL(urls.get(service)!, FBT, { reps: [{ __typename: 'Product', id: p.productId }] });
  expect(response.errors).toBeUndefined();
  return response.data._entities[0].frequentlyBoughtTogether.items.map((i: { product: { id: string } }) => i.product.id);
}

const [tea, lemon, sugar, bread, jam, milk] = ['Tea', 'Lemon', 'Sugar', 'Bread', 'Jam', 'Milk'].map(product) as ProductSnapshot[] as [
  ProductSnapshot, ProductSnapshot, ProductSnapshot, ProductSnapshot, ProductSnapshot, ProductSnapshot,
];
let a: RecommendationsService;
let b: RecommendationsService;

beforeAll(async () => {
  base = await createInfrastructure(testConfig({ RECS_TRAIN_INTERVAL_SECONDS: '0' }), createLogger('silent'));
  a = await replica('a');
  b = await replica('b', { staleConsumerMs: '3000' });
  for (const p of [tea, lemon, sugar, bread, jam, milk]) await publishEvent(base.events, 'catalog', 'product.created', p);
});

afterAll(async () => {
  for (const service of [...replicas]) await service.close();
  for (const infra of infras) await infra.close();
  await base.close();
});

it('stores each interaction once across replicas, and every replica learns it', async () => {
  const append = jest.spyOn(InteractionRepository.prototype, 'append');
  for (let i = 0; i < 4; i++) await basket(tea, lemon);
  await waitFor(async () => together(a, tea)[0] === lemon.productId && together(b, tea)[0] === lemon.productId, 15_000, 'both replicas learned');
  
  await allStored();
  const calls = append.mock.calls.flatMap(([events]) => events.map((e) => e.eventId)).filter((id) => eventIds.includes(id));
  append.mockRestore();
  // One write per event, not one per replica.
  expect(calls.sort()).toEqual([...eventIds].sort());
  // Only shared groups (storing interactions, recording experiment outcomes): none per replica.
  const groups = await base.events.groups(Streams.interactions);
  expect(groups.map((g) => g.name).sort()).toEqual([OUTCOME_GROUP, PersistenceGroups.interactions].sort());
  const members = groups.find((g) => g.name === PersistenceGroups.interactions)!.consumers.map((c) => c.name);
  expect(members).toEqual(expect.arrayContaining([`a-${tag}`, `b-${tag}`]));
});

it('starts a new replica from the snapshot plus what came after it, on the stream', async () => {
  const last = (await base.events.bounds(Streams.interactions)).last;
  await waitFor(async () => a.host.streamPosition === last, 15_000, 'replica a at the end of the stream');
  await a.host.train();
  for (let i = 0; i < 6; i++) await basket(tea, sugar);
  await waitFor(async () => together(a, tea)[0] === sugar.productId, 15_000, 'replica a learned the later baskets');
  const c = await replica('c');
  expect(c.host.startStats).toMatchObject({ source: 'snapshot+stream', caughtUp: 12 });
  // Serving already: the snapshot's pairs and the later ones.
  expect(together(c, tea)).toEqual([sugar.productId, lemon.productId]);
  await stopReplica(c);
});

it('falls back to the stored interactions when the snapshot position is no longer on the stream', async () => {
  const snapshots = new ModelSnapshotRepository(a.db.prisma);
  const snapshot = (await snapshots.load())!;
  // As after a trim or a flush of the stream: the entry is gone.
  await snapshots.save({ ...snapshot, streamPosition: '1-1' });
  await allStored();
  const d = await replica('d');
  expect(d.host.startStats?.source).toBe('snapshot+database');
  expect(together(d, tea)).toEqual([sugar.productId, lemon.productId]);
  await stopReplica(d);
});

it('removes the consumer groups and members of replicas that are gone', async () => {
  // A per-replica group of an earlier version, and a member of the shared group, both gone.
  const legacy = await base.events.consume(Streams.interactions, `recs-learn-gone-${tag}`, async () => {}, { consumer: `gone-${tag}` });
  const member = await base.events.consume(Streams.catalog, PersistenceGroups.catalog, async () => {}, { consumer: `gone-${tag}` });
  const names = async () => [
    ...(await base.events.groups(Streams.interactions)).map((g) => g.name),
    ...(await base.events.groups(Streams.catalog)).flatMap((g) => g.consumers.map((c) => `${g.name}/${c.name}`)),
  ];
  // Redis lists a member once it has been handed an entry: hand out a few.
  await waitFor(async () => {
    await publishEvent(base.events, 'catalog', 'product.updated', { ...milk, changed: ['name'] });
    return (await names()).includes(`${PersistenceGroups.catalog}/gone-${tag}`);
  }, 10_000, 'the member to join');
  await legacy.stop();
  await member.stop();
  expect(await names()).toEqual(expect.arrayContaining([`recs-learn-gone-${tag}`, `${PersistenceGroups.catalog}/gone-${tag}`]));
  // Replica b treats 3 s without activity as gone. (A live member with nothing
  // pending may look idle too on Redis before 7.2; it simply re-joins on its next read.)
  await waitFor(async () => {
    const now = await names();
    return !now.includes(`recs-learn-gone-${tag}`) && !now.includes(`${PersistenceGroups.catalog}/gone-${tag}`);
  }, 20_000, 'gone groups removed');
  // The shared groups themselves stay.
  expect((await base.events.groups(Streams.catalog)).map((g) => g.name)).toContain(PersistenceGroups.catalog);
  // A clean stop leaves the shared groups too.
  const e = await replica('e');
  await stopReplica(e);
  expect((await names()).some((n) => n.endsWith(`/e-${tag}`))).toBe(false);
});

it('shares cached lists between replicas and drops exactly the entries whose scope changed', async () => {
  for (let i = 0; i < 3; i++) await basket(bread, jam);
  await waitFor(async () => together(a, bread)[0] === jam.productId && together(b, bread)[0] === jam.productId, 15_000, 'bread and jam learned');
  // What a computes, b serves from the shared cache. Catalog events of the tests before (milk
  // updated again and again) may still be reaching a replica and move a product's token, dropping
  // an entry as designed: so the pair is computed again until both replicas are quiet.
  let breadFirst: unknown;
  let teaFirst: unknown;
  await waitFor(async () => {
    await a.cache.flush();
    await b.cache.flush();
    breadFirst = await fbtVia(a, bread);
    teaFirst = await fbtVia(a, tea);
    const hits = b.cache.stats.hits;
    const same = JSON.stringify([await fbtVia(b, bread), await fbtVia(b, tea)]) === JSON.stringify([breadFirst, teaFirst]);
    return same && b.cache.stats.hits === hits + 2;
  }, 20_000, 'replica b to serve both lists replica a cached');

  // Milk joins bread in a basket: bread's list changes, tea's does not.
  await basket(bread, milk);
  await waitFor(async () => together(a, bread).includes(milk.productId) && together(b, bread).includes(milk.productId), 15_000, 'bread and milk learned');
  await a.cache.flush();
  await b.cache.flush();
  const before = { hits: b.cache.stats.hits, misses: b.cache.stats.misses };
  expect(await fbtVia(b, bread)).toEqual([jam.productId, milk.productId]);
  expect(b.cache.stats.misses).toBe(before.misses + 1);
  expect(await fbtVia(b, tea)).toEqual(teaFirst);
  expect(b.cache.stats.hits).toBe(before.hits + 1);
  // And the fresh answer is what replica a now serves from the cache (b writes it just after answering).
  await b.cache.flush();
  const aHits = a.cache.stats.hits;
  expect(await fbtVia(a, bread)).toEqual([jam.productId, milk.productId]);
  expect(a.cache.stats.hits).toBe(aHits + 1);
});
