import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import { startStack, type Stack } from '../support/stack';

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

afterAll(async () => {
  await stack?.stop();
});

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
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
    const response = await post(JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(stack.config.http.maxBodyBytes) }));
    expect(response.status).toBe(413);
    expect(response.type).toMatch(/application\/json/);
    expect(JSON.parse(response.text).errors[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', maxBytes: stack.config.http.maxBodyBytes });
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
