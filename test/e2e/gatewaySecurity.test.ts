import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApiKey } from '../../platform/auth/apiKeys';
import type { Config } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { buildGateway, type GatewayService } from '../../gateway/server';
import { waitFor } from '../support/freePort';
import { postGraphQL, startStack, type Stack } from '../support/stack';

// The gateway as it faces the internet in production: the cost limit, JSON
// errors for requests that are not GraphQL, no schema leaks, and client
// mistakes stated by a subgraph reaching the client unchanged.

let stack: Stack;
let admin: Record<string, string>;
let notAdmin: Record<string, string>;
const tag = crypto.randomBytes(3).toString('hex');
const missing = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  stack = await startStack({ NODE_ENV: 'production' });
  const prisma = stack.services.products!.db!.prisma;
  admin = { 'x-api-key': (await createApiKey(prisma, `security ${tag}`, ['admin'])).key };
  notAdmin = { 'x-api-key': (await createApiKey(prisma, `security ${tag} none`, [])).key };
});

const opened: GatewayService[] = [];

afterAll(async () => {
  for (const gateway of opened.reverse()) await gateway.close();
  await stack?.stop();
});

/** Another gateway on the stack's subgraphs, serving subscriptions too, with some gateway settings changed. */
async function replica(gateway: Partial<Config['gateway']> = {}, other: { http?: Partial<Config['http']>; supergraphSdl?: string } = {}) {
  const built = buildGateway({
    config: {
      ...stack.config,
      gateway: { ...stack.config.gateway, supergraphSource: 'file', subgraphUrls: Object.fromEntries(stack.gateway.subgraphs.map((s) => [s.name, s.url])), ...gateway },
      http: { ...stack.config.http, ...other.http },
    },
    logger: createLogger(stack.config.logLevel),
    supergraphSdl: other.supergraphSdl ?? fs.readFileSync(stack.config.gateway.supergraphPath, 'utf8'),
    pubsub: stack.infra.pubsub,
    events: stack.infra.events,
  });
  const url = await built.service.listen(0);
  opened.push(built);
  return { gateway: built, url, ws: url.replace(/^http/, 'ws') };
}

async function post(body: string, headers: Record<string, string> = {}, url = stack.gatewayUrl) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, type: response.headers.get('content-type'), headers: response.headers, text: await response.text() };
}

const bomb = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: products(first: 100) { edges { node { similar(first: 50) { similar(first: 50) { name } } } } }`).join(' ')} }`;

// The pages the API serves, as a shop would ask for them: each must pass the default cost limit.
const pages: Record<string, string> = {
  product: `{ product(id: "${missing}") { id sku name description brand price effectivePrice compareAtPrice currency availability stockQuantity rating ratingCount
      tags dietaryTags images { url alt } discount { percent amount } category { id name path { id name } }
      nutrition { energyKcal fat sugars protein salt } sustainability { score labels }
      similar(first: 10) { id name price effectivePrice images { url alt } }
      frequentlyBoughtTogether(first: 5) { items { product { id name effectivePrice images { url } } reason } } } }`,
  search: `{ products(filter: { text: "milk" }, first: 20) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id name brand price effectivePrice compareAtPrice currency availability rating ratingCount dietaryTags images { url alt } discount { percent } } } } }`,
  cart: `{ cart { id version itemCount subtotal discount total currency sustainabilityScore budget { limit remaining status }
      items { quantity unitPrice listPrice lineTotal product { id name effectivePrice availability images { url alt } } }
      suggestions(first: 5) { items { product { id name effectivePrice images { url } } reason } } } }`,
  home: `{ me { id preferences { budgetLimit dietaryRestrictions sustainabilityPreference }
      recommendations(first: 10) { items { product { id name effectivePrice images { url alt } } reason } } }
      trending(first: 10) { items { product { id name effectivePrice images { url } } } }
      popular(first: 10) { items { product { id name effectivePrice images { url } } } }
      categories { id name children { id name } } }`,
};

describe('cost limit', () => {
  it('refuses the cost bomb before fetching anything, naming the limit, its cost and the maximum, while a product page answers', async () => {
    const [refused, page] = await Promise.all([post(JSON.stringify({ query: bomb })), stack.query(pages.product!)]);
    expect(refused.status).toBe(400);
    const error = JSON.parse(refused.text).errors[0];
    expect(error.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', maxCost: stack.config.gateway.cost.maxCost });
    expect(error.extensions.cost).toBe(20 * (1 + 100 * (1 + 1 + (1 + 50 * (1 + 50 * 1)))));
    expect(page).toEqual({ data: { product: null } });
  });

  it.each(Object.keys(pages))('lets the %s page through under the default limit', async (name) => {
    const response = await stack.query(pages[name]!);
    const refusals = (response.errors ?? []).filter((e) => ['COST_LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED'].includes(e.extensions?.code));
    expect(refusals).toEqual([]);
  });
});

describe('requests that are not GraphQL', () => {
  it('answers invalid JSON with 400 BAD_REQUEST in JSON, without a stack trace', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/application\/json/);
    expect(JSON.parse(response.text)).toEqual({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    expect(response.text).not.toMatch(/at |node_modules|\.ts/);
  });

  it('answers a body above the limit with 413 PAYLOAD_TOO_LARGE in JSON', async () => {
    const body = JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(stack.config.http.maxBodyBytes) });
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(response.type).toMatch(/application\/json/);
    expect(JSON.parse(response.text)).toEqual({
      errors: [{ message: `Request body is ${body.length} bytes, above the ${stack.config.http.maxBodyBytes} this operation may send`, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: stack.config.http.maxBodyBytes } }],
    });
  });

  it('answers an unknown path with JSON, not an HTML page', async () => {
    const response = await fetch(stack.gatewayUrl.replace('/graphql', '/nothing-here'));
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('production defaults', () => {
  it('refuses introspection and suggests no field names', async () => {
    const introspection = await stack.query('{ __schema { queryType { name } } }');
    expect(introspection.data).toBeUndefined();
    expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await stack.query('{ produc { id } }');
    expect(typo.errors?.[0]?.message).toMatch(/Cannot query field "produc"/);
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
  });

  it('sends no CORS headers to origins it was not told about', async () => {
    const response = await fetch(stack.gatewayUrl, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('client mistakes stated by a subgraph reach the client unchanged', () => {
  const product = (price: string) => `mutation { createProduct(input: { sku: "sec-${tag}-${price.replace(/\W/g, '')}", name: "Probe", price: "${price}" }) { id price } }`;

  it.each(['1.234', 'abc'])('a malformed money literal %j is BAD_USER_INPUT on the field price', async (price) => {
    const response = await stack.query(product(price), undefined, admin);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'price', reason: expect.stringMatching(/2 decimal places/) });
  });

  it('a malformed budget in variables is BAD_USER_INPUT on the field budgetLimit', async () => {
    const { data } = await stack.query('mutation { startSession { token } }');
    const response = await stack.query(
      'mutation ($input: PreferencesInput!) { updatePreferences(input: $input) { budgetLimit } }',
      { input: { budgetLimit: '49.999' } },
      { 'x-session-token': data.startSession.token },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'budgetLimit' });
  });

  it('NOT_FOUND, UNAUTHENTICATED, FORBIDDEN and CONFLICT keep their codes', async () => {
    const { data } = await stack.query('mutation { startSession { token } }');
    const session = { 'x-session-token': data.startSession.token };
    const notFound = await stack.query(`{ order(id: "${missing}") { id } }`, undefined, session);
    expect(notFound.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unauthenticated = await stack.query('{ cart { id } }');
    expect(unauthenticated.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forbidden = await stack.query(product('1.00'), undefined, notAdmin);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const conflict = await stack.query('mutation { clearCart(expectedVersion: 41) { id } }', undefined, session);
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('response size cap', () => {
  it('refuses an answer larger than GATEWAY_MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE', async () => {
    const small = await replica({ maxResponseBytes: 300 });
    const query = `{ ${Array.from({ length: 5 }, (_, i) => `i${i}: detectIntent(text: "cheap vegan snacks under 5") { text keywords dietaryTags }`).join(' ')} }`;
    const refused = await postGraphQL(small.url, query);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'RESPONSE_TOO_LARGE', bytes: expect.any(Number), maxBytes: 300 });
    expect(refused.errors![0]!.extensions!.bytes).toBeGreaterThan(300);
    // The same answer under the default cap.
    expect((await stack.query(query)).data.i4.text).toBe('cheap vegan snacks under 5');
  });
});

describe('over graphql-ws', () => {
  const live = `subscription { cartSuggestions { cart { id total itemCount budget { status remaining limit }
      items { quantity lineTotal product { id name effectivePrice images { url } } }
      suggestions(first: 5) { items { product { id name effectivePrice } reason } } } } }`;

  it('prices socket operations with the same limit: the cost bomb refused, the live cart accepted', async () => {
    const { ws } = await replica();
    const started = await stack.query('mutation { startSession { token } }');
    const token = started.data.startSession.token as string;
    await stack.query('{ me { cart { id } } }', undefined, { 'x-session-token': token });
    const client = createClient({ url: ws, webSocketImpl: WebSocket, connectionParams: { sessionToken: token }, retryAttempts: 0 });
    try {
      const refused = client.iterate({ query: bomb });
      await expect(refused.next()).rejects.toEqual([
        expect.objectContaining({ extensions: { code: 'COST_LIMIT_EXCEEDED', cost: expect.any(Number), maxCost: stack.config.gateway.cost.maxCost } }),
      ]);
      const cart = client.iterate({ query: live });
      const first = await cart.next();
      expect(first.value.errors).toBeUndefined();
      expect(first.value.data.cartSuggestions.cart.itemCount).toBe(0);
      await cart.return?.();
    } finally {
      await client.dispose();
    }
  });

  it('counts WebSocket connections per client address behind the trusted proxies', async () => {
    const { ws, gateway } = await replica({ trustedProxies: ['127.0.0.1', '::1'] });
    const from = (address: string) => new WebSocket(ws, 'graphql-transport-ws', { headers: { 'x-forwarded-for': address } });
    const sockets = [from('203.0.113.1'), from('203.0.113.2')];
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('open', resolve))));
    expect(gateway.subscriptions!.stats().addresses).toBe(2);
    for (const socket of sockets) socket.terminate();
    await waitFor(async () => gateway.subscriptions!.stats().addresses === 0, 5000, 'addresses released');
  });
});

// The body limit follows the operation (@requestBodyLimit in the supergraph, capped
// by HTTP_MAX_OPERATION_BODY_BYTES); what no operation may send is refused unread.
describe('request body limits per operation', () => {
  const recommendBody = (bytes: number) => JSON.stringify({ query: 'query ($text: String) { recommend(context: { text: $text }) { servedBy } }', variables: { text: 'x' }, padding: 'x'.repeat(bytes) });

  it('refuses a body no operation may send from its Content-Length, without waiting for it', async () => {
    const url = new URL(stack.gatewayUrl);
    // Nine megabytes announced, none sent: the answer comes before any of the body.
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '9000000' } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, text }));
      });
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({
      errors: [{ message: 'Request body is 9000000 bytes, above the 5600000 any operation may send', extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: 5_600_000 } }],
    });
  });

  it('lets recommend send more than HTTP_MAX_BODY_BYTES, up to HTTP_MAX_OPERATION_BODY_BYTES when that is lower than it declares', async () => {
    const body = recommendBody(3_200_000);
    const allowed = await post(body);
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.text).errors).toBeUndefined();

    const capped = await replica({}, { http: { maxOperationBodyBytes: 3_000_000 } });
    const refused = await post(body, {}, capped.url);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.text).errors[0]).toEqual({ message: `Request body is ${body.length} bytes, above the 3000000 any operation may send`, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: 3_000_000 } });
    const fits = recommendBody(2_500_000);
    expect((await post(fits, {}, capped.url)).status).toBe(200);
  });

  it('a gateway serving a supergraph without the directive gives every operation the default', async () => {
    const plain = fs.readFileSync(stack.config.gateway.supergraphPath, 'utf8').replace(/ @requestBodyLimit\(bytes: \d+\)/g, '').replace(/\n\s*@link\(url: "smartcart:[^\n]*/, '');
    expect(plain).not.toMatch(/@requestBodyLimit\(bytes: \d/);
    const older = await replica({}, { supergraphSdl: plain });
    const body = recommendBody(2_000_000);
    const refused = await post(body, {}, older.url);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.text).errors[0]).toEqual({ message: `Request body is ${body.length} bytes, above the ${stack.config.http.maxBodyBytes} any operation may send`, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: stack.config.http.maxBodyBytes } });
    expect((await post(recommendBody(10_000), {}, older.url)).status).toBe(200);
  });
});

