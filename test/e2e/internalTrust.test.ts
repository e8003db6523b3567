import crypto from 'node:crypto';
import fs from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { InternalAuth } from '../../platform/auth/internalAuth';
import { serviceMetrics } from '../../platform/observability/metrics';
import { parseExposition } from '../support/scrape';
import { selfSignedCertificate } from '../support/selfSignedCertificate';
import { startStack, type GraphQLResponse, type Stack } from '../support/stack';

// Production mode, every service on HTTPS with a self-signed certificate that
// the services trust through TLS_CA_FILE: the gateway reaches the subgraphs
// (and users reaches products) over https with signed calls, while a direct
// caller without the gateway's signature is refused by every subgraph.

const SECRET = 'production-test-secret-0123456789abcdef';
let stack: Stack;
let tls: ReturnType<typeof selfSignedCertificate>;
let agent: Agent;
const tag = crypto.randomBytes(4).toString('hex');

beforeAll(async () => {
  tls = selfSignedCertificate();
  stack = await startStack({
    NODE_ENV: 'production',
    INTERNAL_AUTH_SECRET: SECRET,
    TLS_CERT_FILE: tls.certFile,
    TLS_KEY_FILE: tls.keyFile,
    TLS_CA_FILE: tls.certFile,
  });
  agent = new Agent({ connect: { ca: fs.readFileSync(tls.certFile) } });
});

afterAll(async () => {
  await stack?.stop();
  await agent?.close();
  if (tls) fs.rmSync(tls.dir, { recursive: true, force: true });
});

/** A client that trusts the test certificate. */
async function post(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; body: GraphQLResponse }> {
  const body = JSON.stringify({ query, variables });
  const response = await undiciFetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers }, body, dispatcher: agent });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const subgraphUrl = (name: string) => `https://127.0.0.1:${stack.services[name]!.service.port}/graphql`;

it('serves the whole graph over HTTPS, the gateway reaching https subgraphs with the configured CA', async () => {
  expect(stack.gatewayUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graphql$/);
  const product = await stack.services.products!.db!.prisma.product.create({ data: { sku: `tls-${tag}`, name: `TLS ${tag}`, price: '3.20', stockQuantity: 5 } });
  const session = await post(stack.gatewayUrl, `mutation { startSession { token } }`);
  expect(session.status).toBe(200);
  const headers = { 'x-session-token': session.body.data.startSession.token };
  // users asks products (https, signed) for the price; recommendations answers the cart's suggestions.
  const added = await post(stack.gatewayUrl, `mutation ($id: ID!) { addToCart(productId: $id, quantity: 2) { total items { product { name } } suggestions(first: 2) { items { product { id } } } } }`, { id: product.id }, headers);
  expect(added.body.errors).toBeUndefined();
  expect(added.body.data.addToCart).toMatchObject({ total: '6.40', items: [{ product: { name: `TLS ${tag}` } }] });
  expect(Array.isArray(added.body.data.addToCart.suggestions.items)).toBe(true);
});

it('refuses a direct call to a subgraph without the gateway signature (FORBIDDEN), and accepts a signed one', async () => {
  const forgedCart = {
    query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Cart { suggestions { items { product { id } } } } } }`,
    variables: { r: [{ __typename: 'Cart', id: crypto.randomUUID(), items: [], budget: { remaining: '1000000.00' }, shopper: { preferences: null } }] },
  };
  const refused = async () => parseExposition(await serviceMetrics('users').registry.metrics()).sum('smartcart_internal_signature_refused_total');
  const refusedBefore = await refused();
  for (const name of ['products', 'users', 'recommendations']) {
    const direct = await post(subgraphUrl(name), name === 'recommendations' ? forgedCart.query : '{ __typename }', name === 'recommendations' ? forgedCart.variables : undefined);
    expect([name, direct.status]).toEqual([name, 403]);
    expect(direct.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'INTERNAL_SIGNATURE_MISSING' });
  }

  const url = subgraphUrl('users');
  const body = JSON.stringify({ query: '{ __typename }' });
  const send = (headers: Record<string, string>) =>
    undiciFetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers }, body, dispatcher: agent });

  const wrongSecret = new InternalAuth({ secret: 'another-secret-of-thirty-two-chars!!', maxAgeMs: 30_000 }).sign('POST', url, body);
  const stale = new InternalAuth({ secret: SECRET, maxAgeMs: 30_000 }, () => Date.now() - 120_000).sign('POST', url, body);
  const otherBody = new InternalAuth({ secret: SECRET, maxAgeMs: 30_000 }).sign('POST', url, JSON.stringify({ query: '{ me { id } }' }));
  for (const [headers, reason] of [[wrongSecret, 'INTERNAL_SIGNATURE_INVALID'], [stale, 'INTERNAL_SIGNATURE_EXPIRED'], [otherBody, 'INTERNAL_SIGNATURE_INVALID']] as const) {
    const response = await send(headers);
    expect(response.status).toBe(403);
    expect(((await response.json()) as GraphQLResponse).errors?.[0]?.extensions?.reason).toBe(reason);
  }

  // The users subgraph counted its refusals: one unsigned call and three badly signed ones.
  expect((await refused()) - refusedBefore).toBe(4);

  const signed = await send(stack.infra.internal.sign('POST', url, body));
  expect(signed.status).toBe(200);
  expect(await signed.json()).toEqual({ data: { __typename: 'Query' } });
});
