import { startStack, type Stack } from '../support/stack';

// No single HTTP request may make the gateway fan out without bound.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ GATEWAY_MAX_DEPTH: '4', GATEWAY_MAX_ALIASES: '3', GATEWAY_MAX_TOKENS: '60', GATEWAY_MAX_DIRECTIVES: '2' });
});

afterAll(async () => {
  await stack?.stop();
});

const id = '00000000-0000-4000-8000-000000000000';

it('refuses operations nested deeper than the limit', async () => {
  const response = await stack.query(`{ product(id: "${id}") { similar { similar { similar { name } } } } }`);
  expect(response.errors?.[0]?.message).toMatch(/depth limit of 4/i);
  expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

it('refuses more aliases than the limit', async () => {
  const response = await stack.query(`{ a: product(id: "${id}") { id } b: product(id: "${id}") { id } c: product(id: "${id}") { id } d: product(id: "${id}") { id } }`);
  expect(response.errors?.[0]?.message).toMatch(/aliases limit of 3/i);
});

it('refuses documents with more tokens than the limit', async () => {
  const response = await stack.query(`{ product(id: "${id}") { ${'id '.repeat(60)} } }`);
  expect(response.errors?.[0]?.message).toMatch(/more that 60 tokens/);
  expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
});

it('refuses more directives than the limit', async () => {
  const response = await stack.query(`{ product(id: "${id}") { id @include(if: true) name @include(if: true) price @skip(if: false) } }`);
  expect(response.errors?.[0]?.message).toMatch(/directives limit of 2/i);
});

it('serves operations within the limits, introspection included', async () => {
  const ok = await stack.query(`{ product(id: "${id}") { similar { name } } }`);
  expect(ok).toEqual({ data: { product: null } });
  const introspection = await stack.query(`{ __schema { queryType { name } } }`);
  expect(introspection.data.__schema.queryType.name).toBe('Query');
});

it('tells a client that sends a subscription over HTTP to use WebSocket', async () => {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'subscription { budgetAlerts { status } }' }),
  });
  expect(response.status).toBe(400);
  const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]!.message).toMatch(/over WebSocket only.*graphql-ws/);
  expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'SUBSCRIPTION_OVER_HTTP', protocol: 'graphql-transport-ws', path: '/graphql' });
  // Queries on the same endpoint are unaffected.
  expect(await stack.query(`{ product(id: "${id}") { id } }`)).toEqual({ data: { product: null } });
});
