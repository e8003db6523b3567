import crypto from 'node:crypto';
import { createApiKey, type Role } from '../../platform/auth/apiKeys';
import type { PrismaClient } from '../../platform/database/database';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

// The operations the admin console uses beyond the catalog writes: API keys
// over the API (create shows the secret once, list never does, revoke bites
// on the next request) and the recommender's health, each behind its role.

let stack: Stack;
let prisma: PrismaClient;
const tag = crypto.randomBytes(4).toString('hex');
const headers: Partial<Record<Role | 'none', Record<string, string>>> = {};

async function keyHeader(roles: Role[]): Promise<Record<string, string>> {
  const { key } = await createApiKey(prisma, `admin api test ${tag}`, roles);
  return { 'x-api-key': key };
}

beforeAll(async () => {
  stack = await startStack();
  prisma = stack.services.users!.db!.prisma;
  for (const role of ['admin', 'catalog-editor', 'service', 'read-only'] as const) headers[role] = await keyHeader([role]);
});

afterAll(async () => {
  await stack?.stop();
});

const KEY_FIELDS = 'id name prefix roles permissions createdAt lastUsedAt revokedAt';
const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${KEY_FIELDS} } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }`;
const LIST = `{ apiKeys { ${KEY_FIELDS} } }`;
const HEALTH = `{ recommendationHealth { instance ready problems modelBuiltAt modelAgeSeconds basketModelFittedAt basketModelAgeSeconds
  loadedFrom interactionsLearned lastInteractionAt productsKnown shoppersKnown
  consumers { stream group state lag pending lastError } deadLetters deadLettersByStream { stream count } } }`;

describe('API keys over the API', () => {
  it('creates a key whose secret is shown once and works at once', async () => {
    const created = await stack.query(CREATE, { input: { name: `  Warehouse sync ${tag} `, roles: ['service', 'service'] } }, headers.admin);
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data.createApiKey;
    expect(secret).toMatch(/^sck_/);
    expect(apiKey).toMatchObject({ name: `Warehouse sync ${tag}`, roles: ['service'], revokedAt: null, lastUsedAt: null });
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.permissions).toEqual(['catalog:import', 'history:import', 'stock:write']);

    const me = await stack.query(`{ currentApiKey { id name roles permissions } }`, {}, { 'x-api-key': secret });
    expect(me.data.currentApiKey).toMatchObject({ id: apiKey.id, roles: ['service'] });

    // Listed, but the secret is nowhere in the listing.
    const listed = await stack.query(LIST, {}, headers.admin);
    expect(listed.errors).toBeUndefined();
    const row = listed.data.apiKeys.find((k: { id: string }) => k.id === apiKey.id);
    expect(row).toMatchObject({ name: `Warehouse sync ${tag}`, prefix: apiKey.prefix });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).keyHash).not.toContain(secret);
  });

  it('revokes a key: refused on the next request, shown as revoked, not revocable twice', async () => {
    const created = await stack.query(CREATE, { input: { name: `Partner app ${tag}`, roles: ['read-only'] } }, headers.admin);
    const { secret, apiKey } = created.data.createApiKey;
    expect((await stack.query(`{ currentApiKey { id } }`, {}, { 'x-api-key': secret })).data.currentApiKey.id).toBe(apiKey.id);

    const revoked = await stack.query(REVOKE, { id: apiKey.id }, headers.admin);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApiKey.revokedAt).not.toBeNull();
    // Every service's key cache hears the revocation (in one process at once; through Redis within moments).
    const refused = await eventually(async () => {
      const answer = await stack.query(`{ currentApiKey { id } }`, {}, { 'x-api-key': secret });
      return answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' ? answer : undefined;
    }, 20_000, 'revoked key refused');
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'API_KEY_MISSING' });

    const again = await stack.query(REVOKE, { id: apiKey.id }, headers.admin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: apiKey.id });
  });

  it('refuses a key revoking itself', async () => {
    const self = await stack.query(`{ currentApiKey { id } }`, {}, headers.admin);
    const answer = await stack.query(REVOKE, { id: self.data.currentApiKey.id }, headers.admin);
    expect(answer.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await stack.query(`{ currentApiKey { id } }`, {}, headers.admin)).errors).toBeUndefined();
  });

  it.each([
    [{ name: '', roles: ['admin'] }, 'input.name', 'must not be empty'],
    [{ name: 'x'.repeat(121), roles: ['admin'] }, 'input.name', 'must be at most 120 characters'],
    [{ name: 'tab\there', roles: ['admin'] }, 'input.name', 'must not contain control characters'],
    [{ name: 'no roles', roles: [] }, 'input.roles', 'must name at least one role (admin, catalog-editor, service, read-only)'],
    [{ name: 'bad role', roles: ['admin', 'root'] }, 'input.roles.1', 'unknown role "root" (roles: admin, catalog-editor, service, read-only)'],
  ])('refuses bad input %j with the field and reason', async (input, field, reason) => {
    const before = await prisma.apiKey.count();
    const answer = await stack.query(CREATE, { input }, headers.admin);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await prisma.apiKey.count()).toBe(before);
  });

  it('refuses an id that is not a UUID', async () => {
    const answer = await stack.query(REVOKE, { id: 'nope' }, headers.admin);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'must be a UUID' });
  });

  it('needs the admin role for every key operation', async () => {
    const target = (await stack.query(`{ currentApiKey { id } }`, {}, headers['read-only'])).data.currentApiKey.id;
    for (const role of ['catalog-editor', 'service', 'read-only'] as const) {
      for (const [query, variables] of [[LIST, {}], [CREATE, { input: { name: 'sneaky', roles: ['admin'] } }], [REVOKE, { id: target }]] as const) {
        const answer = await stack.query(query, variables, headers[role]);
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'apikeys:manage', requiredRoles: ['admin'] });
      }
    }
    for (const query of [LIST, `{ currentApiKey { id } }`]) {
      const answer = await stack.query(query);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'API_KEY_MISSING' });
    }
    expect(await prisma.apiKey.count({ where: { name: 'sneaky' } })).toBe(0);
    expect((await stack.query(`{ currentApiKey { revokedAt } }`, {}, headers['read-only'])).data.currentApiKey.revokedAt).toBeNull();
  });
});

describe('allStores', () => {
  it('lists every store by city and name, for anyone', async () => {
    const admin = headers.admin;
    for (const [name, city] of [[`Zeta ${tag}`, 'Aachen'], [`Alpha ${tag}`, 'Zwickau'], [`Beta ${tag}`, 'Aachen']]) {
      const created = await stack.query(`mutation ($input: CreateStoreInput!) { createStore(input: $input) { id } }`, { input: { name, city, latitude: 50.7, longitude: 6.1 } }, admin);
      expect(created.errors).toBeUndefined();
    }
    const answer = await stack.query(`{ allStores { name city } }`);
    const mine = answer.data.allStores.filter((s: { name: string }) => s.name.endsWith(tag)).map((s: { name: string }) => s.name);
    expect(mine).toEqual([`Beta ${tag}`, `Zeta ${tag}`, `Alpha ${tag}`]);
  });
});

describe('recommendationHealth', () => {
  it('reports the engine, its consumers and dead letters', async () => {
    const answer = await stack.query(HEALTH, {}, headers['catalog-editor']);
    expect(answer.errors).toBeUndefined();
    const health = answer.data.recommendationHealth;
    expect(health).toMatchObject({ instance: stack.config.instanceId, ready: true, problems: [], deadLetters: 0 });
    expect(['SNAPSHOT_STREAM', 'SNAPSHOT_DATABASE', 'REBUILD']).toContain(health.loadedFrom);
    expect(health.basketModelAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(health.basketModelFittedAt)).not.toBeNaN();
    // A new shop's first start rebuilds and saves a snapshot.
    expect(health.modelAgeSeconds).toBeGreaterThanOrEqual(0);
    const streams = health.consumers.map((c: { stream: string; group: string | null }) => `${c.stream}/${c.group ?? 'follower'}`);
    expect(streams).toEqual(expect.arrayContaining([expect.stringMatching(/interactions\/recs-store-interactions$/), expect.stringMatching(/catalog\/recs-store-catalog$/)]));
    for (const consumer of health.consumers) {
      expect(consumer.state).toBe('RUNNING');
      if (consumer.group !== null) expect(consumer.pending).toBeGreaterThanOrEqual(0);
    }
    expect(health.deadLettersByStream.length).toBeGreaterThan(0);
  });

  it('counts interactions as they are learned', async () => {
    const before = (await stack.query(HEALTH, {}, headers.admin)).data.recommendationHealth.interactionsLearned;
    const session = await stack.query(`mutation { startSession { token } }`);
    const token = session.data.startSession.token as string;
    const product = await stack.query(
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      { input: { sku: `health-${tag}`, name: `Health check tea ${tag}`, price: '1.99' } },
      headers.admin,
    );
    const productId = product.data.createProduct.id as string;
    const tracked = await stack.query(`mutation ($input: TrackEventInput!) { trackEvent(input: $input) { id } }`, { input: { type: 'VIEW', productId } }, { 'x-session-token': token });
    expect(tracked.errors).toBeUndefined();
    const after = await eventually(async () => {
      const health = (await stack.query(HEALTH, {}, headers.admin)).data.recommendationHealth;
      return health.interactionsLearned > before ? health : undefined;
    }, 30_000, 'the view learned');
    expect(Date.parse(after.lastInteractionAt)).not.toBeNaN();
  });

  it('needs a key with health:read', async () => {
    for (const role of ['service', 'read-only'] as const) {
      const answer = await stack.query(HEALTH, {}, headers[role]);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'health:read', requiredRoles: ['admin', 'catalog-editor'] });
    }
    expect((await stack.query(HEALTH)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
