import crypto from 'node:crypto';
import type { BusEvent } from '../../platform/events/eventBus';
import { publishEvent } from '../../platform/events/publish';
import { Streams, type CartEvents, type ProductSnapshot } from '../../platform/events/topics';
import { buildUsersService } from '../../subgraphs/users/server';
import { freePort } from '../support/freePort';
import { postGraphQL, startStack, type GraphQLResponse, type Stack } from '../support/stack';

// The cart under retries, concurrency and catalog changes, through the gateway.

let stack: Stack;
const tag = crypto.randomBytes(4).toString('hex');
const products = Array.from({ length: 60 }, (_, i) => ({
  id: crypto.randomUUID(),
  sku: `concurrency-${tag}-${i}`,
  name: `Item ${i} ${tag}`,
  price: '2.00',
  stockQuantity: 1000,
}));
const cartEvents: BusEvent[] = [];

const CART = `id version itemCount total budget { status } items { product { id } quantity unitPrice listPrice }`;
const ADD = `mutation ($productId: ID!, $quantity: Int! = 1, $key: String, $expected: Int) {
  addToCart(productId: $productId, quantity: $quantity, idempotencyKey: $key, expectedVersion: $expected) { ${CART} }
}`;

beforeAll(async () => {
  stack = await startStack();
  await stack.services.products!.db!.prisma.product.createMany({ data: products });
  await stack.infra.events.consume(
    Streams.carts,
    `cart-events-${crypto.randomUUID()}`,
    async (event) => {
      cartEvents.push(event);
    },
    { consumer: 'test' },
  );
});

afterAll(async () => {
  await stack?.stop();
});

async function session(): Promise<{ token: string; id: string; q: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse> }> {
  const response = await stack.query(`mutation { startSession { token shopper { id } } }`);
  const { token, shopper } = response.data.startSession;
  return { token, id: shopper.id, q: (query, variables) => stack.query(query, variables, { 'x-session-token': token }) };
}

async function ok(pending: Promise<GraphQLResponse>): Promise<any> {
  const response = await pending;
  expect(response.errors).toBeUndefined();
  return response.data;
}

async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Reads until `done` holds (or time is up), and returns the last reading. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}

/** Requests the products subgraph receives while `run` runs. */
async function countProductsRequests<T>(run: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const server = stack.services.products!.service.httpServer;
  let requests = 0;
  const count = () => {
    requests += 1;
  };
  server.on('request', count);
  try {
    return { result: await run(), requests };
  } finally {
    server.off('request', count);
  }
}

describe('idempotency keys', () => {
  it('replays the first answer for the same request and refuses the key for a different one', async () => {
    const { id, q } = await session();
    const key = `add-${crypto.randomUUID()}`;
    const first = await ok(q(ADD, { productId: products[0]!.id, quantity: 2, key }));
    expect(first.addToCart).toMatchObject({ version: 1, itemCount: 2 });

    // A retry (say, the response was lost) changes nothing and answers the same.
    const retry = await ok(q(ADD, { productId: products[0]!.id, quantity: 2, key }));
    expect(retry).toEqual(first);

    // Another change meanwhile; the retry still answers what the first call did.
    await ok(q(ADD, { productId: products[1]!.id }));
    expect(await ok(q(ADD, { productId: products[0]!.id, quantity: 2, key }))).toEqual(first);

    const reused = await q(ADD, { productId: products[0]!.id, quantity: 3, key });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: expect.stringMatching(/idempotency key/) });
    const otherOperation = await q(`mutation ($key: String) { clearCart(idempotencyKey: $key) { id } }`, { key });
    expect(otherOperation.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const cart = await ok(q(`{ cart { version items { product { id } quantity } } }`));
    expect(cart.cart).toEqual({
      version: 2,
      items: [
        { product: { id: products[0]!.id }, quantity: 2 },
        { product: { id: products[1]!.id }, quantity: 1 },
      ],
    });

    // Keys belong to a shopper: someone else's identical key is a different request.
    const other = await session();
    expect((await ok(other.q(ADD, { productId: products[0]!.id, quantity: 2, key }))).addToCart).toMatchObject({ version: 1 });
    const records = await stack.services.users!.db!.prisma.idempotencyRecord.findMany({ where: { key } });
    expect(records.map((r) => r.shopperId).sort()).toEqual([id, other.id].sort());
  });

  it('places one order for a retried checkout', async () => {
    const { q } = await session();
    await ok(q(ADD, { productId: products[2]!.id, quantity: 3 }));
    const key = crypto.randomUUID();
    const checkout = `mutation ($key: String) { checkout(idempotencyKey: $key) { id total items { quantity } } }`;
    const [a, b] = await Promise.all([ok(q(checkout, { key })), ok(q(checkout, { key }))]);
    expect(b).toEqual(a);
    expect(a.checkout).toMatchObject({ total: '6.00', items: [{ quantity: 3 }] });
    const again = await ok(q(checkout, { key }));
    expect(again).toEqual(a);
    const orders = await ok(q(`{ orders { edges { node { id } } } cart { itemCount } }`));
    expect(orders.orders.edges).toEqual([{ node: { id: a.checkout.id } }]);
    expect(orders.cart.itemCount).toBe(0);
  });

  it('refuses a change based on a stale version', async () => {
    const { q } = await session();
    const v1 = (await ok(q(ADD, { productId: products[3]!.id, expected: 0 }))).addToCart.version;
    expect(v1).toBe(1);
    const stale = await q(ADD, { productId: products[4]!.id, expected: 0 });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const removal = await q(`mutation ($id: ID!) { removeFromCart(productId: $id, expectedVersion: 5) { id } }`, { id: products[3]!.id });
    expect(removal.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await ok(q(ADD, { productId: products[4]!.id, expected: 1 }))).addToCart).toMatchObject({ version: 2, itemCount: 2 });
    const cleared = await ok(q(`mutation { clearCart(expectedVersion: 2) { version itemCount } }`));
    expect(cleared.clearCart).toEqual({ version: 3, itemCount: 0 });
  });
});

describe('concurrent changes', () => {
  it('keeps all of 50 parallel adds of different products', async () => {
    const { q } = await session();
    const fifty = products.slice(10, 60);
    const responses = await Promise.all(fifty.map((p) => q(ADD, { productId: p.id })));
    for (const response of responses) expect(response.errors).toBeUndefined();
    // Every add saw its own version: none overwrote another.
    expect(responses.map((r) => r.data.addToCart.version).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    const cart = await ok(q(`{ cart { version itemCount total items { product { id } } } }`));
    expect(cart.cart).toMatchObject({ version: 50, itemCount: 50, total: '100.00' });
    expect(cart.cart.items.map((i: { product: { id: string } }) => i.product.id).sort()).toEqual(fifty.map((p) => p.id).sort());
  });
});

describe('catalog lookups', () => {
  it('asks the products subgraph once per request, however many items', async () => {
    const { q } = await session();
    const add = await countProductsRequests(() => ok(q(ADD, { productId: products[5]!.id })));
    expect(add.requests).toBe(1);
    for (const p of products.slice(6, 10)) await ok(q(ADD, { productId: p.id, quantity: 2 }));

    const checkout = await countProductsRequests(() => ok(q(`mutation { checkout { itemCount total } }`)));
    expect(checkout.result.checkout).toEqual({ itemCount: 9, total: '18.00' });
    expect(checkout.requests).toBe(1);
  });

  it('answers SERVICE_UNAVAILABLE and writes nothing when the catalog is unreachable', async () => {
    const { token, q } = await session();
    await ok(q(ADD, { productId: products[0]!.id }));
    // A users service whose catalog is a port nobody listens on.
    const users = buildUsersService(stack.infra, { productsUrl: `http://127.0.0.1:${await freePort()}/graphql` });
    try {
      const url = await users.service.listen(0);
      const headers = { 'x-session-token': token };
      for (const operation of [`mutation { addToCart(productId: "${products[1]!.id}") { id } }`, `mutation { checkout { id } }`]) {
        const response = await postGraphQL(url, operation, undefined, headers);
        expect(response.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      }
      // Lowering a quantity needs no catalog.
      const lowered = await postGraphQL(url, `mutation { removeFromCart(productId: "${products[0]!.id}") { version } }`, undefined, headers);
      expect(lowered.errors).toBeUndefined();
    } finally {
      await users.close();
    }
    const state = await ok(q(`{ cart { version itemCount } orders { edges { cursor } } }`));
    expect(state).toEqual({ cart: { version: 2, itemCount: 0 }, orders: { edges: [] } });
  });
});

describe('events about carts', () => {
  const ofCart = (cartId: string, type: keyof CartEvents) =>
    cartEvents.filter((e) => e.type === type && (e.payload as { cartId: string }).cartId === cartId);

  it('copies a price change from the catalog stream into the carts holding the product', async () => {
    const { q } = await session();
    const target = products[7]!;
    const before = (await ok(q(ADD, { productId: target.id, quantity: 2 }))).addToCart;
    expect(before.items[0]).toMatchObject({ unitPrice: '2.00', listPrice: '2.00' });

    const snapshot: ProductSnapshot = {
      productId: target.id,
      sku: target.sku,
      name: target.name,
      brand: null,
      tags: [],
      categoryId: null,
      categoryPath: [],
      price: '2.50',
      effectivePrice: '2.25',
      currency: 'EUR',
      stockQuantity: 1000,
      dietaryTags: [],
      sustainabilityScore: 70,
      carbonFootprintKg: null,
      sustainabilityLabels: [],
      storeIds: [],
      archived: false,
    };
    await publishEvent(stack.infra.events, 'catalog', 'product.price_changed', { ...snapshot, previousEffectivePrice: '2.00' });

    const cart = await waitFor(
      async () => (await ok(q(`{ cart { ${CART} sustainabilityScore } }`))).cart,
      (current) => current.version !== before.version,
    );
    expect(cart).toMatchObject({ version: before.version + 1, total: '4.50', sustainabilityScore: 70 });
    expect(cart.items[0]).toMatchObject({ unitPrice: '2.25', listPrice: '2.50' });
    await eventually(() => expect(ofCart(cart.id, 'cart.updated').map((e) => (e.payload as { version: number }).version)).toContain(cart.version));

    // At-least-once delivery: the same event again changes nothing.
    await publishEvent(stack.infra.events, 'catalog', 'product.price_changed', { ...snapshot, previousEffectivePrice: '2.00' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await ok(q(`{ cart { version } }`))).cart.version).toBe(cart.version);
  });

  it('publishes cart.updated for every change and a budget alert only when the cart crosses into NEAR or OVER', async () => {
    const { q } = await session();
    await ok(q(`mutation { updatePreferences(input: { budgetLimit: "10.00" }) { budgetLimit } }`));
    const add = (i: number, quantity = 1) => ok(q(ADD, { productId: products[i]!.id, quantity }));
    const statuses = [
      (await add(0, 2)).addToCart, // 4.00 UNDER
      (await add(1, 3)).addToCart, // 10.00 NEAR → alert
      (await q(`mutation ($id: ID!) { updateCartItem(productId: $id, quantity: 1) { ${CART} } }`, { id: products[0]!.id })).data
        .updateCartItem, // 8.00 UNDER
      (await add(2, 1)).addToCart, // 10.00 NEAR → alert
      (await add(3, 1)).addToCart, // 12.00 OVER → alert
      (await add(4, 1)).addToCart, // 14.00 OVER
      (await q(`mutation ($id: ID!) { removeFromCart(productId: $id) { ${CART} } }`, { id: products[4]!.id })).data
        .removeFromCart, // 12.00 OVER
    ].map((cart) => cart.budget.status);
    expect(statuses).toEqual(['UNDER', 'NEAR', 'UNDER', 'NEAR', 'OVER', 'OVER', 'OVER']);

    const cartId = (await ok(q(`{ cart { id } }`))).cart.id;
    await eventually(() => expect(ofCart(cartId, 'cart.updated')).toHaveLength(7));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const alerts = ofCart(cartId, 'cart.budget_alert').map((e) => e.payload as CartEvents['cart.budget_alert']);
    expect(alerts.map(({ budgetStatus, total, budgetLimit }) => ({ budgetStatus, total, budgetLimit }))).toEqual([
      { budgetStatus: 'NEAR', total: '10.00', budgetLimit: '10.00' },
      { budgetStatus: 'NEAR', total: '10.00', budgetLimit: '10.00' },
      { budgetStatus: 'OVER', total: '12.00', budgetLimit: '10.00' },
    ]);
    expect(ofCart(cartId, 'cart.updated').map((e) => (e.payload as CartEvents['cart.updated']).version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('announces a placed order', async () => {
    const { id, q } = await session();
    await ok(q(ADD, { productId: products[8]!.id, quantity: 2 }));
    const order = (await ok(q(`mutation { checkout { id } }`))).checkout;
    await eventually(() =>
      expect(cartEvents.find((e) => e.type === 'order.placed' && (e.payload as { orderId: string }).orderId === order.id)?.payload).toMatchObject({
        shopperId: id,
        total: '4.00',
        items: [{ productId: products[8]!.id, quantity: 2, unitPrice: '2.00' }],
      }),
    );
  });
});
