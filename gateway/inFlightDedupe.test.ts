import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER } from '../platform/auth/internalAuth';
import { createInternalCalls } from '../platform/http/internalCalls';
import { createLogger } from '../platform/logger';
import { eventually } from '../test/support/eventually';
import { dedupeKey, InFlightDedupe, isSharableOperation } from './inFlightDedupe';
import { SubgraphFetcher } from './subgraphFetcher';

const URL_A = 'http://127.0.0.1:4001/graphql';
const BODY = JSON.stringify({ query: 'query P__products__0($id:ID!){product(id:$id){name}}', variables: { id: '1' } });

describe('dedupeKey', () => {
  it('is the same for requests that differ only in request id and trace headers', () => {
    const a = dedupeKey(URL_A, BODY, { 'x-session-token': 's1', 'x-request-id': 'r1', traceparent: '00-aa-bb-01' });
    const b = dedupeKey(URL_A, BODY, { 'X-Request-Id': 'r2', 'x-session-token': 's1', tracestate: 'k=v' });
    expect(a).toBe(b);
  });

  it('differs for another session token, API key, body or subgraph', () => {
    const base = dedupeKey(URL_A, BODY, { 'x-session-token': 's1' });
    expect(dedupeKey(URL_A, BODY, { 'x-session-token': 's2' })).not.toBe(base);
    expect(dedupeKey(URL_A, BODY, { 'x-session-token': 's1', 'x-api-key': 'k' })).not.toBe(base);
    expect(dedupeKey(URL_A, BODY, {})).not.toBe(base);
    expect(dedupeKey(URL_A, BODY.replace('"1"', '"2"'), { 'x-session-token': 's1' })).not.toBe(base);
    expect(dedupeKey('http://127.0.0.1:4003/graphql', BODY, { 'x-session-token': 's1' })).not.toBe(base);
  });
});

describe('isSharableOperation', () => {
  it('shares queries, never mutations or subscriptions', () => {
    expect(isSharableOperation('query P__products__0{product(id:"1"){name}}')).toBe(true);
    expect(isSharableOperation('{_entities(representations:[]){__typename}}')).toBe(true);
    expect(isSharableOperation('mutation M__users__0{addToCart(productId:"1"){id}}')).toBe(false);
    expect(isSharableOperation('  mutation{clearCart{id}}')).toBe(false);
    expect(isSharableOperation('subscription S{cartUpdated{id}}')).toBe(false);
    expect(isSharableOperation('queryish')).toBe(false);
    expect(isSharableOperation(undefined)).toBe(false);
  });
});

describe('InFlightDedupe', () => {
  it('runs one of two identical calls in flight, and a later one again', async () => {
    const dedupe = new InFlightDedupe<number>();
    let sent = 0;
    let release!: (value: number) => void;
    const send = () => {
      sent++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = dedupe.run('k', send);
    const second = dedupe.run('k', send);
    release(7);
    await expect(Promise.all([first, second])).resolves.toEqual([7, 7]);
    expect(sent).toBe(1);
    expect(dedupe.joined).toBe(1);
    expect(dedupe.size).toBe(0);
    const third = dedupe.run('k', send);
    release(8);
    await expect(third).resolves.toBe(8);
    expect(sent).toBe(2);
  });

  it('shares a failure and forgets it', async () => {
    const dedupe = new InFlightDedupe<number>();
    const failing = () => Promise.reject(new Error('down'));
    const results = await Promise.allSettled([dedupe.run('k', failing), dedupe.run('k', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(dedupe.size).toBe(0);
  });
});

describe('SubgraphFetcher.send with de-duplication', () => {
  // A subgraph that holds every request until the test lets them all go.
  const seen: http.IncomingHttpHeaders[] = [];
  let held: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(req.headers);
      held.push(res);
    });
  });
  let url: string;
  const calls = createInternalCalls({ internalAuth: { secret: 'a-test-secret-of-at-least-32-characters', maxAgeMs: 60_000, required: false }, tls: {} });
  const fetcher = new SubgraphFetcher({
    subgraph: 'dedupe-test',
    timeoutMs: 20_000,
    breaker: { errorPercent: 50, volume: 100, windowMs: 2_000, resetMs: 2_000 },
    calls,
    logger: createLogger('silent'),
    connections: 8,
    dedupe: true,
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await fetcher.close();
    await calls.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    seen.length = 0;
    held = [];
  });

  /** Starts the sends together, waits until the subgraph holds `expected` requests, answers them all. */
  async function sendTogether(inits: Parameters<SubgraphFetcher['send']>[1][], expected: number) {
    const replies = inits.map((init) => fetcher.send(url, init));
    await eventually(() => (held.length >= expected ? true : undefined), 20_000, `${expected} requests at the subgraph`);
    for (const res of held) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { n: seen.length } }));
    }
    return Promise.all(replies);
  }

  const headers = (session: string, requestId: string) => ({ 'content-type': 'application/json', 'x-session-token': session, 'x-request-id': requestId });

  it('sends identical queries with different request ids once, signed, and answers both', async () => {
    const replies = await sendTogether(
      [
        { method: 'POST', headers: headers('s1', 'r1'), body: BODY, sharable: true },
        { method: 'POST', headers: headers('s1', 'r2'), body: BODY, sharable: true },
      ],
      1,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]![SIGNATURE_HEADER]).toBeDefined();
    expect(replies.map((r) => [r.status, JSON.parse(r.body)])).toEqual([
      [200, { data: { n: 1 } }],
      [200, { data: { n: 1 } }],
    ]);
  });

  it('sends queries of different sessions each', async () => {
    await sendTogether(
      [
        { method: 'POST', headers: headers('s1', 'r1'), body: BODY, sharable: true },
        { method: 'POST', headers: headers('s2', 'r1'), body: BODY, sharable: true },
      ],
      2,
    );
    expect(seen.map((h) => h['x-session-token']).sort()).toEqual(['s1', 's2']);
  });

  it('never shares what is not sharable (mutations)', async () => {
    const mutation = JSON.stringify({ query: 'mutation M__users__0{clearCart{id}}' });
    await sendTogether(
      [
        { method: 'POST', headers: headers('s1', 'r1'), body: mutation, sharable: false },
        { method: 'POST', headers: headers('s1', 'r1'), body: mutation, sharable: false },
      ],
      2,
    );
    expect(seen).toHaveLength(2);
  });
});
