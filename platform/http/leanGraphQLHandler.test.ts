import crypto from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { InternalAuth } from '../auth/internalAuth';
import { createLogger } from '../logger';
import { GraphQLService, type ContextRequest } from './graphqlService';
import { isLeanGraphQLRequest } from './leanGraphQLHandler';

// POST and OPTIONS /graphql are served on node's own request and response,
// with the steps Express runs for everything else on /graphql: what a client
// sees must be the same whichever path answered.

interface Context {
  header?: string;
  peer?: string;
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: { type: GraphQLString, resolve: () => 'world' },
      echo: { type: GraphQLString, args: { text: { type: GraphQLString } }, resolve: (_root, { text }: { text?: string }) => text ?? null },
      header: { type: GraphQLString, resolve: (_root, _args, context: Context) => context.header ?? null },
      peer: { type: GraphQLString, resolve: (_root, _args, context: Context) => context.peer ?? null },
    },
  }),
});

const logger = createLogger('silent');
const secret = 'lean-graphql-test-secret-0123456789abcdef';
const signer = new InternalAuth({ secret, maxAgeMs: 60_000 });
const services: GraphQLService<Context>[] = [];

async function start(options: { maxBodyBytes?: number; signed?: boolean } = {}): Promise<{ url: string; service: GraphQLService<Context> }> {
  const service = new GraphQLService<Context>({
    // One registry per service name in a process: a name of its own, so counts start at zero.
    name: `lean-${crypto.randomBytes(4).toString('hex')}`,
    logger,
    apollo: { schema },
    http: { introspection: false, corsOrigins: ['https://shop.example'], maxBodyBytes: options.maxBodyBytes ?? 1_000_000, maxOperationBodyBytes: 8_000_000, debugErrors: false },
    context: async (req: ContextRequest) => ({ header: req.headers['x-test'] as string | undefined, peer: req.socket.remoteAddress }),
    ready: async () => undefined,
    landingPage: false,
    ...(options.signed ? { internalAuth: { verifier: new InternalAuth({ secret, maxAgeMs: 60_000 }), required: true } } : {}),
  });
  services.push(service);
  return { url: await service.listen(0), service };
}

afterAll(async () => {
  for (const service of services) await service.stop();
});

const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

async function requestCount(service: GraphQLService<Context>, method: string, status: number): Promise<number> {
  const text = await service.metrics.metrics();
  const line = text.split('\n').find((l) => l.startsWith('smartcart_http_requests_total{') && l.includes(`route="/graphql"`) && l.includes(`method="${method}"`) && l.includes(`status="${status}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('the lean /graphql path', () => {
  it('is taken by POST and OPTIONS on exactly /graphql, with or without a query string', () => {
    const request = (method: string, url: string) => ({ method, url }) as http.IncomingMessage;
    expect(isLeanGraphQLRequest(request('POST', '/graphql'))).toBe(true);
    expect(isLeanGraphQLRequest(request('POST', '/graphql?op=Page'))).toBe(true);
    expect(isLeanGraphQLRequest(request('OPTIONS', '/graphql'))).toBe(true);
    expect(isLeanGraphQLRequest(request('GET', '/graphql'))).toBe(false);
    expect(isLeanGraphQLRequest(request('POST', '/graphql/'))).toBe(false);
    expect(isLeanGraphQLRequest(request('POST', '/graphqlx'))).toBe(false);
    expect(isLeanGraphQLRequest(request('POST', '/GRAPHQL'))).toBe(false);
    expect(isLeanGraphQLRequest(request('POST', '/healthz'))).toBe(false);
  });

  it('answers a CORS preflight from an allowed origin with 204, the CORS headers and a request id, and counts it', async () => {
    const { url, service } = await start();
    const response = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-session-token' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,x-session-token');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await requestCount(service, 'OPTIONS', 204)).toBe(1);
  });

  it('runs a query with the service context (headers, peer), keeps a sane request id and allows the origin', async () => {
    const { url, service } = await start();
    const response = await post(url, JSON.stringify({ query: '{ hello header peer }' }), { 'x-test': 'given', 'x-request-id': 'req-42', origin: 'https://shop.example' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-request-id')).toBe('req-42');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(await response.json()).toEqual({ data: { hello: 'world', header: 'given', peer: expect.stringMatching(/127\.0\.0\.1/) } });
    // An origin not on the list gets no CORS headers.
    const other = await post(url, JSON.stringify({ query: '{ hello }' }), { origin: 'https://elsewhere.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(await requestCount(service, 'POST', 200)).toBe(2);
  });

  it('reads what it does not read itself (a gzip body) as express.json does', async () => {
    const { url } = await start();
    const response = await post(url, zlib.gzipSync(JSON.stringify({ query: '{ echo(text: "zipped") }' })), { 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { echo: 'zipped' } });
  });

  it('refuses a body above the limit with 413 PAYLOAD_TOO_LARGE, and one that is not JSON with 400', async () => {
    const { url, service } = await start({ maxBodyBytes: 100 });
    const body = JSON.stringify({ query: `{ echo(text: "${'x'.repeat(200)}") }` });
    const tooLarge = await post(url, body);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('x-request-id')).toBeTruthy();
    expect(await tooLarge.json()).toEqual({
      errors: [{ message: `Request body is ${Buffer.byteLength(body)} bytes, above the 100 any operation may send`, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: 100 } }],
    });
    const notJson = await post(url, '{"query": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    const scalar = await post(url, '"{ hello }"');
    expect(scalar.status).toBe(400);
    expect(await requestCount(service, 'POST', 413)).toBe(1);
    expect(await requestCount(service, 'POST', 400)).toBe(2);
  });

  it('reads a plain body as express.json does: a leading BOM dropped, an empty body an empty request', async () => {
    const { url } = await start();
    const withBom = await post(url, `\uFEFF${JSON.stringify({ query: '{ hello }' })}`, { 'content-type': 'application/json; charset=utf-8' });
    expect(withBom.status).toBe(200);
    expect(await withBom.json()).toEqual({ data: { hello: 'world' } });
    // `{}`: Apollo's own refusal of a request without a query, not a JSON error.
    const empty = await post(url, '');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).not.toContain('not valid JSON');
  });

  it('refuses alike on both paths: the same status, type and body from /graphql (lean) and /graphql/ (Express)', async () => {
    const { url } = await start({ maxBodyBytes: 100 });
    const body = JSON.stringify({ query: `{ echo(text: "${'x'.repeat(200)}") }` });
    const [lean, viaExpress] = await Promise.all([post(url, body), post(`${url}/`, body)]);
    expect(viaExpress.status).toBe(lean.status);
    expect(viaExpress.headers.get('content-type')).toBe(lean.headers.get('content-type'));
    expect(await viaExpress.json()).toEqual(await lean.json());
    // A preflight from an origin not allowed gets no CORS answer: it goes on to Apollo, whose CSRF prevention refuses it.
    const preflight = { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } };
    const [leanOptions, expressOptions] = await Promise.all([fetch(url, preflight), fetch(`${url}/`, preflight)]);
    expect(leanOptions.status).toBe(400);
    expect(expressOptions.status).toBe(leanOptions.status);
    expect(expressOptions.headers.get('content-type')).toBe(leanOptions.headers.get('content-type'));
    expect(expressOptions.headers.get('access-control-allow-origin')).toBeNull();
    const refusal = await leanOptions.text();
    expect(refusal).toContain('Cross-Site Request Forgery');
    expect(await expressOptions.text()).toBe(refusal);
  });

  it('refuses an unsigned call where a signature is required, and runs a signed one', async () => {
    const { url } = await start({ signed: true });
    const body = JSON.stringify({ query: '{ hello }' });
    const unsigned = await post(url, body);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({
      errors: [{ message: 'This service answers only calls signed by the SmartCart gateway or its peers', extensions: { code: 'FORBIDDEN', reason: 'INTERNAL_SIGNATURE_MISSING' } }],
    });
    const signed = await post(`${url}?via=test`, body, signer.sign('POST', `${url}?via=test`, body));
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ data: { hello: 'world' } });
  });

  it('leaves GET /graphql to Express, which takes the same steps', async () => {
    const { url, service } = await start();
    const response = await fetch(`${url}?query=${encodeURIComponent('{ hello }')}`, { headers: { 'x-request-id': 'get-1', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('get-1');
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
    expect(await requestCount(service, 'GET', 200)).toBe(1);
  });
});
