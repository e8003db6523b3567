import crypto from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing } from '../../platform/observability/tracing';
import { createCatalogProducts, untilSimilarAre } from '../support/catalogProducts';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

// One product page through the gateway is one trace: the gateway's operation,
// its subgraph fetches, and under them each subgraph's operation with its SQL.
// Spans go to an in-memory exporter installed before the stack starts.

const exporter = new InMemorySpanExporter();
let stack: Stack;
// Letters only: a word the recommender's content similarity reads. Alike but for the price, so
// product 0's content neighbours are products 1, 2, 3 in that order.
const tag = Array.from(crypto.randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('');
const products = [0, 1, 2, 3].map((i) => ({ id: crypto.randomUUID() as string, sku: `trace-${tag}-${i}`, name: `Traced milk ${tag} ${i}`, price: (1.19 + i * 0.1).toFixed(2) }));
const PRODUCT_PAGE = `query ProductPage($id: ID!) { product(id: $id) { name price similar(first: 3) { name } } }`;

beforeAll(async () => {
  startTracing({ samplingRatio: 1 }, { exporter });
  // Without the products entity cache: a product page must reach SQL for its statement spans to be followed.
  stack = await startStack({ PRODUCTS_ENTITY_CACHE_SIZE: '0' });
  const ids = await createCatalogProducts(stack, products.map(({ sku, name, price }) => ({ sku, name, price, stockQuantity: 10 })));
  ids.forEach((id, i) => (products[i]!.id = id));
  await untilSimilarAre(stack, products[0]!.id, [1, 2, 3].map((n) => products[n]!.id));
});

afterAll(async () => {
  await stack?.stop();
  await stopTracing();
});

const serviceOf = (span: ReadableSpan) => span.resource.attributes['service.name'];
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** Runs an operation and returns the finished spans of its trace, once the gateway's own span has ended. */
async function traceOf(operationName: string, run: () => Promise<unknown>): Promise<ReadableSpan[]> {
  exporter.reset();
  await run();
  const root = await eventually(
    () => exporter.getFinishedSpans().find((s) => serviceOf(s) === 'gateway' && s.kind === SpanKind.SERVER && s.attributes['graphql.operation.name'] === operationName),
    20_000,
    `the gateway span of ${operationName}`,
  );
  return exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === root.spanContext().traceId);
}

describe('tracing', () => {
  it('follows a product page through the gateway, products and recommendations in one trace, with SQL under each subgraph operation', async () => {
    let answer: any;
    const spans = await traceOf('ProductPage', async () => {
      answer = await stack.query(PRODUCT_PAGE, { id: products[0]!.id });
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.product.similar.map((p: { name: string }) => p.name)).toEqual([1, 2, 3].map((n) => products[n]!.name));

    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const gateway = spans.find((s) => serviceOf(s) === 'gateway' && s.kind === SpanKind.SERVER)!;
    expect(gateway.name).toBe('query ProductPage');
    expect(gateway.attributes['graphql.operation.type']).toBe('query');
    // The client's request started the trace.
    expect(parentOf(gateway)).toBeUndefined();

    const fetches = spans.filter((s) => serviceOf(s) === 'gateway' && s.kind === SpanKind.CLIENT);
    expect(fetches.every((s) => parentOf(s) === gateway.spanContext().spanId)).toBe(true);
    expect(new Set(fetches.map((s) => s.attributes['smartcart.subgraph']))).toEqual(new Set(['products', 'recommendations']));

    // Each subgraph's operation is the child of the gateway's fetch of it.
    for (const subgraph of ['products', 'recommendations']) {
      const operations = spans.filter((s) => serviceOf(s) === subgraph && s.kind === SpanKind.SERVER);
      expect(operations.length).toBeGreaterThanOrEqual(1);
      for (const operation of operations) {
        const fetch = byId.get(parentOf(operation)!);
        expect(fetch?.attributes['smartcart.subgraph']).toBe(subgraph);
        expect(operation.attributes['graphql.operation.type']).toBe('query');
        expect(operation.attributes['graphql.operation.name']).toEqual(expect.stringContaining('ProductPage'));
      }
      // SQL statements hang under that subgraph's operation, with the statement and no values. The
      // recommendations subgraph answers a product page from memory (its engine, its cache): no SQL.
      const sql = spans.filter((s) => serviceOf(s) === subgraph && s.attributes['db.system'] === 'postgresql');
      if (subgraph === 'recommendations') {
        expect(sql).toEqual([]);
        continue;
      }
      expect(sql.length).toBeGreaterThanOrEqual(1);
      for (const statement of sql) {
        expect(operations.map((o) => o.spanContext().spanId)).toContain(parentOf(statement));
        expect(statement.kind).toBe(SpanKind.CLIENT);
        expect(statement.attributes['db.operation.name']).toBe('SELECT');
        const text = String(statement.attributes['db.query.text']);
        expect(text).toMatch(/^SELECT/);
        for (const product of products) expect(text).not.toContain(product.id);
      }
    }
    // The products subgraph is asked once (the product): the similar products' names come with the list (@provides).
    expect(fetches.filter((s) => s.attributes['smartcart.subgraph'] === 'products').length).toBe(1);
    expect(fetches.filter((s) => s.attributes['smartcart.subgraph'] === 'recommendations').length).toBe(1);
  });

  it('continues a trace the client started (W3C traceparent)', async () => {
    const traceId = crypto.randomBytes(16).toString('hex');
    const parentId = crypto.randomBytes(8).toString('hex');
    const spans = await traceOf('Named', () => stack.query(`query Named { product(id: "${products[1]!.id}") { name } }`, undefined, { traceparent: `00-${traceId}-${parentId}-01` }));
    const gateway = spans.find((s) => serviceOf(s) === 'gateway' && s.kind === SpanKind.SERVER)!;
    expect(gateway.spanContext().traceId).toBe(traceId);
    expect(parentOf(gateway)).toBe(parentId);
    expect(spans.some((s) => serviceOf(s) === 'products' && s.kind === SpanKind.SERVER)).toBe(true);
  });

  it('puts the recommendation engine in the trace as a span of the recommendations operation', async () => {
    const spans = await traceOf('Together', () =>
      stack.query(`query Together($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 3) { items { product { id } } } } }`, { id: products[2]!.id }),
    );
    const engine = spans.find((s) => s.name === 'recommendation engine');
    expect(engine).toBeDefined();
    expect(serviceOf(engine!)).toBe('recommendations');
    expect(engine!.attributes['smartcart.recommendation.kind']).toBe('fbt');
    const parent = spans.find((s) => s.spanContext().spanId === parentOf(engine!));
    expect(parent?.kind).toBe(SpanKind.SERVER);
    expect(serviceOf(parent!)).toBe('recommendations');
  });

  it("carries the trace into a subgraph's own calls to another service (users asks products about a cart's product)", async () => {
    const token = (await stack.query(`mutation { startSession { token } }`)).data.startSession.token as string;
    const spans = await traceOf('AddToCart', () =>
      stack.query(`mutation AddToCart($id: ID!) { addToCart(productId: $id, quantity: 1) { id } }`, { id: products[3]!.id }, { 'x-session-token': token }),
    );
    const users = spans.find((s) => serviceOf(s) === 'users' && s.kind === SpanKind.SERVER);
    expect(users).toBeDefined();
    // A products operation that the gateway did not ask for: its parent is a span of the users subgraph.
    const asked = spans.filter((s) => serviceOf(s) === 'products' && s.kind === SpanKind.SERVER).map((s) => spans.find((p) => p.spanContext().spanId === parentOf(s)));
    expect(asked.some((parent) => parent !== undefined && serviceOf(parent) === 'users')).toBe(true);
  });

  it('marks a failed operation with its error codes', async () => {
    const spans = await traceOf('BadId', () => stack.query(`query BadId { product(id: "not-a-uuid") { name } }`));
    const gateway = spans.find((s) => serviceOf(s) === 'gateway' && s.kind === SpanKind.SERVER)!;
    expect(gateway.status.code).toBe(2);
    expect(gateway.attributes['graphql.error.codes']).toEqual(['BAD_USER_INPUT']);
    // The products subgraph refused the id: its fetch span and its own operation span say so too.
    const fetch = spans.find((s) => serviceOf(s) === 'gateway' && s.kind === SpanKind.CLIENT)!;
    expect(fetch.attributes['graphql.error.codes']).toEqual(['BAD_USER_INPUT']);
    const products = spans.find((s) => serviceOf(s) === 'products' && s.kind === SpanKind.SERVER)!;
    expect(products.status.code).toBe(2);
  });
});
