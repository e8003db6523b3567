import crypto from 'node:crypto';
import { API_KEY_REVOKED_CHANNEL, createApiKey, revokeApiKey, rotateApiKey } from '../../platform/auth/apiKeys';
import type { Role } from '../../platform/auth/roles';
import type { PrismaClient } from '../../platform/database/database';
import { hashSessionToken } from '../../subgraphs/users/data/sessionToken';
import { SessionRepository } from '../../subgraphs/users/data/sessionRepository';
import { buildProductsService, type ProductsService } from '../../subgraphs/products/server';
import { serviceMetrics } from '../../platform/observability/metrics';
import { eventually } from '../support/eventually';
import { parseExposition } from '../support/scrape';
import { postGraphQL, startStack, type Stack } from '../support/stack';

// Sessions (expiry, ending, throttled refresh, purge) and API-key roles
// (per-operation permissions, revocation across instances, batched usage),
// through the gateway unless a test is about one subgraph instance.

let stack: Stack;
let signJwt: (claims: Record<string, unknown>, options?: { expiresIn?: string; audience?: string; key?: 'other' }) => Promise<string>;
const ISSUER = 'https://login.shop.test/';
const AUDIENCE = 'smartcart-app';
let users: PrismaClient;
let products: PrismaClient;
const tag = crypto.randomBytes(4).toString('hex');
const DAY = 86_400_000;

beforeAll(async () => {
  // The app's identity provider, played by a key pair made here.
  const jose = await import('jose');
  const provider = await jose.generateKeyPair('ES256', { extractable: true });
  const stranger = await jose.generateKeyPair('ES256');
  signJwt = (claims, options = {}) =>
    new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key === 'other' ? stranger.privateKey : provider.privateKey);
  stack = await startStack({
    SESSION_IDLE_TIMEOUT_SECONDS: String(7 * 86_400),
    SESSION_MAX_LIFETIME_SECONDS: String(30 * 86_400),
    API_KEY_USAGE_FLUSH_SECONDS: '3600',
    JWT_PUBLIC_KEY: await jose.exportSPKI(provider.publicKey),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    JWT_ALGORITHMS: 'ES256',
  });
  users = stack.services.users!.db!.prisma;
  products = stack.services.products!.db!.prisma;
});

afterAll(async () => {
  await stack?.stop();
});

async function newSession(): Promise<{ token: string; shopperId: string; headers: Record<string, string> }> {
  const started = await stack.query(`mutation { startSession { token shopper { id } } }`);
  const { token, shopper } = started.data.startSession;
  return { token, shopperId: shopper.id, headers: { 'x-session-token': token } };
}

const ago = (ms: number) => new Date(Date.now() - ms);

describe('sessions', () => {
  it('refuses an idle, a too old and an ended session with UNAUTHENTICATED and the reason', async () => {
    const idle = await newSession();
    const old = await newSession();
    const ended = await newSession();
    for (const s of [idle, old, ended]) expect((await stack.query(`{ cart { itemCount } }`, undefined, s.headers)).data.cart.itemCount).toBe(0);

    await users.session.update({ where: { tokenHash: hashSessionToken(idle.token) }, data: { lastSeenAt: ago(8 * DAY) } });
    // Active all along (seen a minute ago), but created beyond the absolute lifetime.
    await users.session.update({ where: { tokenHash: hashSessionToken(old.token) }, data: { createdAt: ago(31 * DAY), lastSeenAt: ago(60_000) } });
    const end = await stack.query(`mutation { endSession }`, undefined, ended.headers);
    expect(end).toEqual({ data: { endSession: true } });
    expect((await stack.query(`mutation { endSession }`, undefined, ended.headers)).data.endSession).toBe(false);

    const expected: [Record<string, string>, string][] = [
      [idle.headers, 'SESSION_IDLE_EXPIRED'],
      [old.headers, 'SESSION_EXPIRED'],
      [ended.headers, 'SESSION_ENDED'],
      [{ 'x-session-token': 'forged' }, 'SESSION_UNKNOWN'],
      [{}, 'SESSION_MISSING'],
    ];
    const refusals = async () => parseExposition(await serviceMetrics('users').registry.metrics());
    const before = await refusals();
    for (const [headers, reason] of expected) {
      const response = await stack.query(`{ cart { itemCount } }`, undefined, headers);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
      if (reason !== 'SESSION_MISSING') {
        const me = await stack.query(`{ me { id } }`, undefined, headers);
        expect(me.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
      }
    }
    expect(await stack.query(`{ me { id } }`)).toEqual({ data: { me: null } });
    // Each refused token counted under its reason (the cart and the me query of each: 2 per reason).
    const after = await refusals();
    for (const reason of ['SESSION_IDLE_EXPIRED', 'SESSION_EXPIRED', 'SESSION_ENDED', 'SESSION_UNKNOWN']) {
      const counted = after.sum('smartcart_sessions_refused_total', { reason }) - before.sum('smartcart_sessions_refused_total', { reason });
      expect([reason, counted]).toEqual([reason, 2]);
    }
  });

  it('moves the idle clock forward only when a tenth of the idle window has passed', async () => {
    const s = await newSession();
    const where = { tokenHash: hashSessionToken(s.token) };
    const justNow = ago(1000);
    await users.session.update({ where, data: { lastSeenAt: justNow } });
    await stack.query(`{ me { id } }`, undefined, s.headers);
    expect((await users.session.findUniqueOrThrow({ where })).lastSeenAt).toEqual(justNow);

    await users.session.update({ where, data: { lastSeenAt: ago(DAY) } });
    // The clock moves to the time of the request (a second's slack for the database's own clock).
    const requestedAt = Date.now() - 1000;
    await stack.query(`{ me { id } }`, undefined, s.headers);
    const refreshed = await users.session.findUniqueOrThrow({ where, include: { shopper: true } });
    expect(refreshed.lastSeenAt.getTime()).toBeGreaterThanOrEqual(requestedAt);
    expect(refreshed.shopper.lastSeenAt.getTime()).toBeGreaterThanOrEqual(requestedAt);
  });

  it('purges abandoned anonymous shoppers with their carts, and keeps recent ones and ones with orders', async () => {
    const abandoned = await newSession();
    const recent = await newSession();
    const buyer = await newSession();
    const product = await products.product.create({ data: { sku: `purge-${tag}`, name: `Purge ${tag}`, price: '2.50', stockQuantity: 10 } });
    for (const s of [abandoned, buyer]) {
      const added = await stack.query(`mutation ($id: ID!) { addToCart(productId: $id) { itemCount } }`, { id: product.id }, s.headers);
      expect(added.data.addToCart.itemCount).toBe(1);
    }
    expect((await stack.query(`mutation { checkout { id } }`, undefined, buyer.headers)).data.checkout.id).toBeDefined();
    await users.shopper.updateMany({ where: { id: { in: [abandoned.shopperId, buyer.shopperId] } }, data: { lastSeenAt: ago(31 * DAY) } });

    const purged = await new SessionRepository(users, stack.config.sessions).purgeAnonymous(stack.config.sessions.anonymousRetentionMs);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await users.shopper.findUnique({ where: { id: abandoned.shopperId } })).toBeNull();
    expect(await users.cart.findUnique({ where: { shopperId: abandoned.shopperId } })).toBeNull();
    expect(await users.session.findUnique({ where: { tokenHash: hashSessionToken(abandoned.token) } })).toBeNull();
    expect(await users.shopper.findUnique({ where: { id: recent.shopperId } })).not.toBeNull();
    expect(await users.shopper.findUnique({ where: { id: buyer.shopperId } })).not.toBeNull();
    expect((await stack.query(`{ cart { itemCount } }`, undefined, abandoned.headers)).errors?.[0]?.extensions?.reason).toBe('SESSION_UNKNOWN');
  });
});

describe('API keys and roles', () => {
  const key = async (roles: Role[]) => (await createApiKey(products, `roles test ${tag}`, roles)).key;
  const missing = crypto.randomUUID();
  const operations = {
    delete: `mutation { deleteCategory(id: "${missing}") }`,
    stock: `mutation { setStock(id: "${missing}", quantity: 1) { id } }`,
    import: `mutation { importProducts(format: JSON, data: "[]") { created } }`,
    create: `mutation { createCategory(input: { name: "" }) { id } }`,
  };

  it('checks each operation against the key\'s roles: FORBIDDEN names the roles that would do', async () => {
    // Allowed operations fail on their input (NOT_FOUND, BAD_USER_INPUT) or succeed: never FORBIDDEN.
    const table: [Role, Record<keyof typeof operations, boolean>][] = [
      ['admin', { delete: true, stock: true, import: true, create: true }],
      ['catalog-editor', { delete: false, stock: true, import: false, create: true }],
      ['service', { delete: false, stock: true, import: true, create: false }],
      ['read-only', { delete: false, stock: false, import: false, create: false }],
    ];
    for (const [role, allowed] of table) {
      const headers = { 'x-api-key': await key([role]) };
      for (const [name, operation] of Object.entries(operations) as [keyof typeof operations, string][]) {
        const code = (await stack.query(operation, undefined, headers)).errors?.[0]?.extensions?.code;
        if (allowed[name]) expect([role, name, code]).not.toEqual([role, name, 'FORBIDDEN']);
        else expect([role, name, code]).toEqual([role, name, 'FORBIDDEN']);
      }
    }
    const refused = await stack.query(operations.delete, undefined, { 'x-api-key': await key(['read-only']) });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'catalog:delete', requiredRoles: ['admin'] });
  });

  it('stops a revoked or rotated key within seconds on every instance, with or without the announcement', async () => {
    const second: ProductsService = buildProductsService(stack.infra);
    try {
      const instances = [`http://127.0.0.1:${stack.services.products!.service.port}/graphql`, await second.service.listen(0)];
      const announced = await createApiKey(products, `revoke ${tag}`, ['admin']);
      const silent = await createApiKey(products, `revoke silently ${tag}`, ['admin']);
      const rotated = await createApiKey(products, `rotate ${tag}`, ['admin']);
      const codeOn = async (url: string, k: string) => (await postGraphQL(url, operations.delete, undefined, { 'x-api-key': k })).errors?.[0]?.extensions?.code;
      for (const url of instances) for (const k of [announced, silent, rotated]) expect(await codeOn(url, k.key)).toBe('NOT_FOUND');

      await revokeApiKey(products, announced.id);
      await stack.infra.pubsub.publish(API_KEY_REVOKED_CHANNEL, {}); // what `npm run apikey -- revoke` sends
      // After the announcement, re-cached on both instances, then changed with no announcement: the cache's lifetime bounds them.
      for (const url of instances) for (const k of [silent, rotated]) expect(await codeOn(url, k.key)).toBe('NOT_FOUND');
      await revokeApiKey(products, silent.id);
      const replacement = await rotateApiKey(products, rotated.id);
      for (const url of instances) {
        for (const k of [announced, silent, rotated]) {
          await eventually(async () => ((await codeOn(url, k.key)) === 'UNAUTHENTICATED' ? true : undefined), 20_000, `key refused on ${url}`);
        }
        expect(await codeOn(url, replacement!.key)).toBe('NOT_FOUND');
      }
    } finally {
      await second.close();
    }
  });

  it('records when a key was last used in batches, not with a write per request', async () => {
    const { id, key: secret } = await createApiKey(products, `usage ${tag}`, ['read-only']);
    const usedFrom = Date.now() - 1000;
    for (let i = 0; i < 5; i += 1) await stack.query(operations.delete, undefined, { 'x-api-key': secret });
    expect((await products.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await (stack.services.products as ProductsService).apiKeys.flush();
    const used = (await products.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(used).not.toBeNull();
    expect(used!.getTime()).toBeGreaterThanOrEqual(usedFrom);
  });
});

describe('sign-in with the app\'s identity provider', () => {
  const SIGN_IN = `mutation ($t: String!) { signIn(idToken: $t) { token merged shopper { id } } }`;
  const CART = `{ cart { version itemCount total budget { limit status remaining } items { product { id } quantity } } }`;
  const PREFS = `{ me { preferences { budgetLimit sustainabilityPreference dietaryRestrictions } events(first: 10) { edges { node { type product { id } } } } } }`;

  it('merges the anonymous cart, preferences and history exactly once, rotating the token', async () => {
    const [milk, bread] = [1, 2].map((n) => ({ id: crypto.randomUUID(), sku: `signin-${tag}-${n}`, name: `Sign-in ${n} ${tag}`, price: n === 1 ? '1.50' : '4.00', stockQuantity: 100 }));
    await products.product.createMany({ data: [milk!, bread!] });
    const idToken = await signJwt({ sub: `user-${tag}` });
    const add = (headers: Record<string, string>, id: string, quantity: number) =>
      stack.query(`mutation ($id: ID!, $q: Int!) { addToCart(productId: $id, quantity: $q) { itemCount } }`, { id, q: quantity }, headers);

    // Device A: first sign-in creates the known shopper from A's anonymous one.
    const a = await newSession();
    await add(a.headers, milk!.id, 1);
    await stack.query(`mutation { updatePreferences(input: { budgetLimit: "10.00", dietaryRestrictions: [VEGAN] }) { budgetLimit } }`, undefined, a.headers);
    const first = await stack.query(SIGN_IN, { t: idToken }, a.headers);
    expect(first.errors).toBeUndefined();
    const known = { 'x-session-token': first.data.signIn.token };
    expect(first.data.signIn.merged).toBe(true);

    // Device B: anonymous again, with an overlapping cart and other preferences.
    const b = await newSession();
    await add(b.headers, milk!.id, 2);
    await add(b.headers, bread!.id, 1);
    await stack.query(`mutation { updatePreferences(input: { budgetLimit: "50.00", sustainabilityPreference: PREFER }) { budgetLimit } }`, undefined, b.headers);
    await stack.query(`mutation ($id: ID!) { trackEvent(input: { type: VIEW, productId: $id }) { id } }`, { id: bread!.id }, b.headers);

    const second = await stack.query(SIGN_IN, { t: idToken }, b.headers);
    expect(second.errors).toBeUndefined();
    expect(second.data.signIn).toMatchObject({ merged: true, shopper: { id: first.data.signIn.shopper.id } });
    const signedIn = { 'x-session-token': second.data.signIn.token };
    const merged = (await stack.query(CART, undefined, signedIn)).data.cart;
    const byProduct = Object.fromEntries(merged.items.map((i: any) => [i.product.id, i.quantity]));
    expect(byProduct).toEqual({ [milk!.id]: 3, [bread!.id]: 1 });
    // 3 × 1.50 + 4.00 = 8.50 against the known shopper's 10.00 budget (the anonymous 50.00 lost).
    expect(merged).toMatchObject({ itemCount: 4, total: '8.50', budget: { limit: '10.00', status: 'UNDER', remaining: '1.50' } });
    const me = (await stack.query(PREFS, undefined, signedIn)).data.me;
    expect(me.preferences).toEqual({ budgetLimit: '10.00', sustainabilityPreference: 'PREFER', dietaryRestrictions: ['VEGAN'] });
    expect(me.events.edges.map((e: any) => [e.node.type, e.node.product?.id])).toContainEqual(['VIEW', bread!.id]);
    // Both devices stay signed in; B's anonymous token was replaced.
    expect((await stack.query(`{ me { id } }`, undefined, known)).data.me.id).toBe(first.data.signIn.shopper.id);
    expect((await stack.query(CART, undefined, b.headers)).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REPLACED' });

    // A retry (the answer was lost) and a concurrent pair: new tokens, but nothing merged again.
    const retries = await Promise.all([0, 1, 2].map(() => stack.query(SIGN_IN, { t: idToken }, b.headers)));
    for (const retry of retries) expect(retry.data.signIn).toMatchObject({ merged: false, shopper: { id: first.data.signIn.shopper.id } });
    expect((await stack.query(CART, undefined, signedIn)).data.cart).toEqual(merged);
  });

  it('refuses ID tokens that are expired, for another audience or signed by another key', async () => {
    const bad = [
      [await signJwt({ sub: `late-${tag}` }, { expiresIn: '-2m' }), 'ERR_JWT_EXPIRED'],
      [await signJwt({ sub: `aud-${tag}` }, { audience: 'someone-else' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
      [await signJwt({ sub: `key-${tag}` }, { key: 'other' }), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
      ['not.a.jwt', 'ERR_JWS_INVALID'],
    ] as const;
    const anonymous = await newSession();
    for (const [idToken, detail] of bad) {
      const response = await stack.query(`mutation ($t: String!) { signIn(idToken: $t) { token } }`, { t: idToken }, anonymous.headers);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ID_TOKEN_INVALID', detail });
    }
    // Nothing happened to the anonymous session.
    expect((await stack.query(`{ me { id } }`, undefined, anonymous.headers)).data.me.id).toBe(anonymous.shopperId);
  });
});
