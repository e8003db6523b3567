import crypto from 'node:crypto';
import { createApiKey, type Role } from '../../platform/auth/apiKeys';
import type { BusEvent } from '../../platform/events/eventBus';
import { Streams, type InteractionEventPayload } from '../../platform/events/topics';
import { postGraphQL, startStack, type GraphQLResponse, type Stack } from '../support/stack';

// The shopper's side of the API, through the gateway as a web or mobile client
// would use it: session, preferences, cart, checkout, orders, events.

let stack: Stack;
const tag = crypto.randomBytes(4).toString('hex');

interface TestProduct {
  id: string;
  sku: string;
  name: string;
  price: string;
  discountPercent?: string;
  stockQuantity: number;
  sustainabilityScore?: number;
  archivedAt?: Date;
}

const product = (name: string, fields: Omit<TestProduct, 'id' | 'sku' | 'name'>): TestProduct => ({
  id: crypto.randomUUID(),
  sku: `shoppers-${tag}-${name}`,
  name: `${name} ${tag}`,
  ...fields,
});

// Effective prices: apple 3.00 (4.00 − 25 %), bread 5.00, coffee 9.50.
const apple = product('apple', { price: '4.00', discountPercent: '25', stockQuantity: 100, sustainabilityScore: 80 });
const bread = product('bread', { price: '5.00', stockQuantity: 100, sustainabilityScore: 40 });
const coffee = product('coffee', { price: '9.50', stockQuantity: 100 });
const soldOut = product('sold-out', { price: '1.00', stockQuantity: 0 });
const scarce = product('scarce', { price: '1.00', stockQuantity: 3 });
const retired = product('retired', { price: '1.00', stockQuantity: 10, archivedAt: new Date() });

const CART = `id version itemCount subtotal discount total currency sustainabilityScore
  budget { limit status remaining }
  items { product { id } quantity unitPrice listPrice lineTotal }`;

beforeAll(async () => {
  stack = await startStack();
  await stack.services.products!.db!.prisma.product.createMany({ data: [apple, bread, coffee, soldOut, scarce, retired] });
});

afterAll(async () => {
  await stack?.stop();
});

async function startSession(): Promise<{ token: string; id: string }> {
  const response = await stack.query(`mutation { startSession { token shopper { id } } }`);
  return { token: response.data.startSession.token, id: response.data.startSession.shopper.id };
}

function as(token: string) {
  return (query: string, variables?: Record<string, unknown>) => stack.query(query, variables, { 'x-session-token': token });
}

async function ok(pending: Promise<GraphQLResponse>): Promise<any> {
  const response = await pending;
  expect(response.errors).toBeUndefined();
  return response.data;
}

const addToCart = `mutation ($productId: ID!, $quantity: Int!) { addToCart(productId: $productId, quantity: $quantity) { ${CART} } }`;

describe('a shopper journey', () => {
  it('sets preferences, fills the cart within a budget, checks out and finds the order', async () => {
    const { token, id } = await startSession();
    const q = as(token);
    const categoryId = crypto.randomUUID();

    const preferences = await ok(
      q(
        `mutation ($input: PreferencesInput!) { updatePreferences(input: $input) {
          budgetLimit sustainabilityPreference dietaryRestrictions location { latitude longitude city } favouriteCategoryIds } }`,
        {
          input: {
            budgetLimit: '20.00',
            sustainabilityPreference: 'PREFER',
            dietaryRestrictions: ['VEGAN', 'GLUTEN_FREE', 'VEGAN'],
            location: { latitude: 52.37, longitude: 4.89, city: 'Amsterdam' },
            favouriteCategoryIds: [categoryId.toUpperCase()],
          },
        },
      ),
    );
    expect(preferences.updatePreferences).toEqual({
      budgetLimit: '20.00',
      sustainabilityPreference: 'PREFER',
      dietaryRestrictions: ['VEGAN', 'GLUTEN_FREE'],
      location: { latitude: 52.37, longitude: 4.89, city: 'Amsterdam' },
      favouriteCategoryIds: [categoryId],
    });

    // Partial update: only what is given changes.
    const partial = await ok(
      q(`mutation { updatePreferences(input: { sustainabilityPreference: ONLY }) { budgetLimit sustainabilityPreference dietaryRestrictions } }`),
    );
    expect(partial.updatePreferences).toEqual({ budgetLimit: '20.00', sustainabilityPreference: 'ONLY', dietaryRestrictions: ['VEGAN', 'GLUTEN_FREE'] });

    const empty = await ok(q(`{ me { id cart { ${CART} } } }`));
    expect(empty.me.id).toBe(id);
    expect(empty.me.cart).toMatchObject({ version: 0, itemCount: 0, total: '0.00', currency: 'EUR', items: [], sustainabilityScore: null });
    expect(empty.me.cart.budget).toEqual({ limit: '20.00', status: 'UNDER', remaining: '20.00' });

    let cart = (await ok(q(addToCart, { productId: apple.id, quantity: 2 }))).addToCart;
    expect(cart).toMatchObject({ version: 1, itemCount: 2, subtotal: '8.00', discount: '2.00', total: '6.00', sustainabilityScore: 80 });
    expect(cart.items).toEqual([{ product: { id: apple.id }, quantity: 2, unitPrice: '3.00', listPrice: '4.00', lineTotal: '6.00' }]);
    expect(cart.budget).toEqual({ limit: '20.00', status: 'UNDER', remaining: '14.00' });

    cart = (await ok(q(addToCart, { productId: coffee.id, quantity: 1 }))).addToCart;
    expect(cart).toMatchObject({ version: 2, total: '15.50', budget: { status: 'UNDER', remaining: '4.50' } });

    // Adding a product already there adds to its quantity: 3 apples, 18.50 of 20.00 is at least 90 %.
    cart = (await ok(q(addToCart, { productId: apple.id, quantity: 1 }))).addToCart;
    expect(cart).toMatchObject({ version: 3, itemCount: 4, total: '18.50', budget: { status: 'NEAR', remaining: '1.50' } });

    cart = (await ok(q(addToCart, { productId: bread.id, quantity: 1 }))).addToCart;
    expect(cart).toMatchObject({ version: 4, total: '23.50', budget: { status: 'OVER', remaining: '-3.50' } });

    // The gateway fills in the catalog's fields of each line's product from the products subgraph.
    const named = await ok(q(`{ cart { items { quantity product { id name effectivePrice } } } }`));
    expect(named.cart.items).toEqual([
      { quantity: 3, product: { id: apple.id, name: apple.name, effectivePrice: '3.00' } },
      { quantity: 1, product: { id: coffee.id, name: coffee.name, effectivePrice: '9.50' } },
      { quantity: 1, product: { id: bread.id, name: bread.name, effectivePrice: '5.00' } },
    ]);

    cart = (
      await ok(q(`mutation ($id: ID!) { updateCartItem(productId: $id, quantity: 1) { ${CART} } }`, { id: apple.id }))
    ).updateCartItem;
    expect(cart).toMatchObject({ version: 5, itemCount: 3, total: '17.50', budget: { status: 'UNDER' } });
    // Apple (80) and bread (40) once each; coffee is not rated.
    expect(cart.sustainabilityScore).toBe(60);

    cart = (await ok(q(`mutation ($id: ID!) { removeFromCart(productId: $id) { ${CART} } }`, { id: coffee.id }))).removeFromCart;
    expect(cart).toMatchObject({ version: 6, itemCount: 2, subtotal: '9.00', discount: '1.00', total: '8.00' });
    expect(cart.items.map((i: { product: { id: string } }) => i.product.id)).toEqual([apple.id, bread.id]);

    const placed = (
      await ok(q(`mutation { checkout { id status itemCount subtotal discount total currency createdAt items { product { id } quantity unitPrice lineTotal } } }`))
    ).checkout;
    expect(placed).toMatchObject({ status: 'PLACED', itemCount: 2, subtotal: '9.00', discount: '1.00', total: '8.00', currency: 'EUR' });
    expect(placed.items).toEqual(
      [
        { product: { id: apple.id }, quantity: 1, unitPrice: '3.00', lineTotal: '3.00' },
        { product: { id: bread.id }, quantity: 1, unitPrice: '5.00', lineTotal: '5.00' },
      ].sort((a, b) => a.product.id.localeCompare(b.product.id)),
    );

    const after = await ok(
      q(`query ($id: ID!) {
        cart { version itemCount total items { quantity } }
        orders(first: 10) { edges { cursor node { id total } } pageInfo { hasNextPage endCursor } }
        order(id: $id) { id total items { quantity } }
        me { orders(first: 1) { edges { node { id } } } events(first: 10, type: PURCHASE) { edges { node { type product { id } basketId } } } }
      }`, { id: placed.id }),
    );
    expect(after.cart).toEqual({ version: 7, itemCount: 0, total: '0.00', items: [] });
    expect(after.orders.edges.map((e: { node: { id: string } }) => e.node)).toEqual([{ id: placed.id, total: '8.00' }]);
    expect(after.orders.pageInfo).toEqual({ hasNextPage: false, endCursor: after.orders.edges[0].cursor });
    expect(after.order).toMatchObject({ id: placed.id, total: '8.00' });
    expect(after.me.orders.edges).toEqual([{ node: { id: placed.id } }]);
    expect(after.me.events.edges.map((e: { node: { product: { id: string } } }) => e.node.product.id).sort()).toEqual([apple.id, bread.id].sort());
    for (const edge of after.me.events.edges) expect(edge.node).toMatchObject({ type: 'PURCHASE', basketId: placed.id });

    // The cart's history: four adds; lowering a quantity and removing a line are both removals.
    const history = await ok(q(`{ me { events(first: 100) { edges { node { type product { id } } } } } }`));
    const types = history.me.events.edges.map((e: { node: { type: string } }) => e.node.type);
    expect(types.filter((t: string) => t === 'ADD_TO_CART')).toHaveLength(4);
    expect(types.filter((t: string) => t === 'REMOVE_FROM_CART')).toHaveLength(2);
    expect(types.filter((t: string) => t === 'PURCHASE')).toHaveLength(2);

    // Clearing the budget.
    const cleared = await ok(q(`mutation { updatePreferences(input: { budgetLimit: null }) { budgetLimit } }`));
    expect(cleared.updatePreferences.budgetLimit).toBeNull();
    expect((await ok(q(`{ cart { budget { limit status remaining } } }`))).cart.budget).toEqual({ limit: null, status: 'NO_BUDGET', remaining: null });
  });

  it('pages through orders, newest first', async () => {
    const { token } = await startSession();
    const q = as(token);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      await ok(q(addToCart, { productId: bread.id, quantity: 1 + i }));
      ids.unshift((await ok(q(`mutation { checkout { id } }`))).checkout.id);
    }
    const first = await ok(q(`{ orders(first: 2) { edges { node { id itemCount } } pageInfo { hasNextPage endCursor } } }`));
    expect(first.orders.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(first.orders.pageInfo.hasNextPage).toBe(true);
    const second = await ok(
      q(`query ($after: String) { orders(first: 2, after: $after) { edges { node { id itemCount } } pageInfo { hasNextPage } } }`, {
        after: first.orders.pageInfo.endCursor,
      }),
    );
    expect(second.orders.edges).toEqual([{ node: { id: ids[2], itemCount: 1 } }]);
    expect(second.orders.pageInfo.hasNextPage).toBe(false);
  });
});

describe('one shopper cannot reach another', () => {
  it('needs a valid session for everything shopper-scoped', async () => {
    const attempts: Record<string, string>[] = [{}, { 'x-session-token': 'forged' }];
    for (const headers of attempts) {
      for (const operation of [
        `{ cart { id } }`,
        `{ orders { edges { cursor } } }`,
        `mutation { addToCart(productId: "${apple.id}") { id } }`,
        `mutation { checkout { id } }`,
        `mutation { updatePreferences(input: { budgetLimit: "1" }) { budgetLimit } }`,
        `mutation { trackEvent(input: { type: VIEW, productId: "${apple.id}" }) { id } }`,
      ]) {
        const response = await stack.query(operation, undefined, headers);
        expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    }
  });

  it("answers another shopper's order exactly as a missing one, and leaves their cart alone", async () => {
    const alice = await startSession();
    const bob = await startSession();
    await ok(as(alice.token)(addToCart, { productId: bread.id, quantity: 2 }));
    const aliceOrder = (await ok(as(alice.token)(`mutation { checkout { id } }`))).checkout.id;
    await ok(as(alice.token)(addToCart, { productId: apple.id, quantity: 1 }));

    const foreign = await as(bob.token)(`query ($id: ID!) { order(id: $id) { id total } }`, { id: aliceOrder });
    const missingId = crypto.randomUUID();
    const missing = await as(bob.token)(`query ($id: ID!) { order(id: $id) { id total } }`, { id: missingId });
    expect(foreign.data).toBeNull();
    expect(foreign.errors).toHaveLength(1);
    expect(foreign.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', type: 'Order', id: aliceOrder, serviceName: 'users' });
    expect(missing.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', type: 'Order', id: missingId, serviceName: 'users' });
    expect(foreign.errors![0]!.message.replace(aliceOrder, 'ID')).toBe(missing.errors![0]!.message.replace(missingId, 'ID'));

    // Bob removing "Alice's" product only ever looks at Bob's own cart.
    const removal = await as(bob.token)(`mutation ($id: ID!) { removeFromCart(productId: $id) { id } }`, { id: apple.id });
    expect(removal.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bobsView = await ok(as(bob.token)(`{ cart { id itemCount } orders { edges { node { id } } } }`));
    expect(bobsView.cart.itemCount).toBe(0);
    expect(bobsView.orders.edges).toEqual([]);
    const alicesCart = await ok(as(alice.token)(`{ cart { id itemCount } }`));
    expect(alicesCart.cart.itemCount).toBe(1);
    expect(bobsView.cart.id).not.toBe(alicesCart.cart.id);
  });

  it('resolves a Shopper reference publicly but guards its private fields by the session', async () => {
    const alice = await startSession();
    const bob = await startSession();
    await ok(as(alice.token)(`mutation { updatePreferences(input: { budgetLimit: "42.00" }) { budgetLimit } }`));
    const usersUrl = `http://127.0.0.1:${stack.services.users!.service.port}/graphql`;
    // What the gateway sends when another subgraph returns a Shopper reference.
    const entities = (headers: Record<string, string>, fields: string) =>
      postGraphQL(
        usersUrl,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Shopper { ${fields} } } }`,
        { r: [{ __typename: 'Shopper', id: alice.id }] },
        headers,
      );

    const publicFields = await entities({ 'x-session-token': bob.token }, 'id createdAt');
    expect(publicFields.errors).toBeUndefined();
    expect(publicFields.data._entities[0].id).toBe(alice.id);

    const asBob = await entities({ 'x-session-token': bob.token }, 'id preferences { budgetLimit } cart { id } orders { edges { cursor } } events { edges { cursor } }');
    expect(asBob.data._entities[0]).toEqual({ id: alice.id, preferences: null, cart: null, orders: null, events: null });
    expect(asBob.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(JSON.stringify(asBob)).not.toContain('42.00');

    const anonymous = await entities({}, 'preferences { budgetLimit }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const asAlice = await entities({ 'x-session-token': alice.token }, 'preferences { budgetLimit }');
    expect(asAlice).toEqual({ data: { _entities: [{ preferences: { budgetLimit: '42.00' } }] } });
  });
});

describe('input validation', () => {
  let token: string;
  let q: ReturnType<typeof as>;

  beforeAll(async () => {
    ({ token } = await startSession());
    q = as(token);
    await ok(q(`mutation { updatePreferences(input: { budgetLimit: "10.00", sustainabilityPreference: NONE }) { budgetLimit } }`));
  });

  const cases: [string, string, Record<string, unknown>, string, RegExp][] = [
    ['quantity 0', `mutation ($v: Int!) { addToCart(productId: "${apple.id}", quantity: $v) { id } }`, { v: 0 }, 'quantity', /between 1 and 999/],
    ['quantity 1000', `mutation ($v: Int!) { addToCart(productId: "${apple.id}", quantity: $v) { id } }`, { v: 1000 }, 'quantity', /between 1 and 999/],
    ['malformed product id', `mutation ($v: ID!) { addToCart(productId: $v) { id } }`, { v: 'apple' }, 'productId', /UUID/],
    ['empty idempotency key', `mutation ($v: String) { addToCart(productId: "${apple.id}", idempotencyKey: $v) { id } }`, { v: '' }, 'idempotencyKey', /1–128/],
    ['long idempotency key', `mutation ($v: String) { clearCart(idempotencyKey: $v) { id } }`, { v: 'k'.repeat(129) }, 'idempotencyKey', /1–128/],
    ['negative expected version', `mutation ($v: Int) { clearCart(expectedVersion: $v) { id } }`, { v: -1 }, 'expectedVersion', /0 or more/],
    ['update quantity 0', `mutation ($v: Int!) { updateCartItem(productId: "${apple.id}", quantity: $v) { id } }`, { v: 0 }, 'quantity', /between 1 and 999/],
    ['page size 101', `query ($v: Int) { orders(first: $v) { edges { cursor } } }`, { v: 101 }, 'first', /between 1 and 100/],
    ['bad cursor', `query ($v: String) { orders(after: $v) { edges { cursor } } }`, { v: 'nonsense' }, 'after', /cursor/],
    ['negative budget', `mutation ($v: PreferencesInput!) { updatePreferences(input: $v) { budgetLimit } }`, { v: { budgetLimit: '-5', sustainabilityPreference: 'ONLY' } }, 'input.budgetLimit', /≥ 0/],
    ['latitude 91', `mutation ($v: PreferencesInput!) { updatePreferences(input: $v) { budgetLimit } }`, { v: { sustainabilityPreference: 'ONLY', location: { latitude: 91, longitude: 0 } } }, 'input.location.latitude', /between -90 and 90/],
    ['longitude -181', `mutation ($v: PreferencesInput!) { updatePreferences(input: $v) { budgetLimit } }`, { v: { location: { latitude: 0, longitude: -181 } } }, 'input.location.longitude', /between -180 and 180/],
    ['long city', `mutation ($v: PreferencesInput!) { updatePreferences(input: $v) { budgetLimit } }`, { v: { location: { latitude: 0, longitude: 0, city: 'x'.repeat(121) } } }, 'input.location.city', /at most 120/],
    ['21 favourite categories', `mutation ($v: PreferencesInput!) { updatePreferences(input: $v) { budgetLimit } }`, { v: { budgetLimit: '99', favouriteCategoryIds: Array.from({ length: 21 }, () => crypto.randomUUID()) } }, 'input.favouriteCategoryIds', /at most 20/],
    ['malformed category id', `mutation ($v: PreferencesInput!) { updatePreferences(input: $v) { budgetLimit } }`, { v: { favouriteCategoryIds: ['dairy'] } }, 'input.favouriteCategoryIds.0', /UUID/],
    ['view without product', `mutation ($v: TrackEventInput!) { trackEvent(input: $v) { id } }`, { v: { type: 'VIEW' } }, 'input.productId', /required for VIEW/],
    ['search without query', `mutation ($v: TrackEventInput!) { trackEvent(input: $v) { id } }`, { v: { type: 'SEARCH' } }, 'input.query', /required for SEARCH/],
    ['long query', `mutation ($v: TrackEventInput!) { trackEvent(input: $v) { id } }`, { v: { type: 'SEARCH', query: 'q'.repeat(201) } }, 'input.query', /at most 200/],
    ['long recommendation id', `mutation ($v: TrackEventInput!) { trackEvent(input: $v) { id } }`, { v: { type: 'CLICK', productId: apple.id, recommendationId: 'r'.repeat(65) } }, 'input.recommendationId', /at most 64/],
    ['101 events', `mutation ($v: [TrackEventInput!]!) { trackEvents(inputs: $v) { id } }`, { v: Array.from({ length: 101 }, () => ({ type: 'VIEW', productId: apple.id })) }, 'inputs', /1–100/],
    ['one bad event of a batch', `mutation ($v: [TrackEventInput!]!) { trackEvents(inputs: $v) { id } }`, { v: [{ type: 'VIEW', productId: apple.id }, { type: 'CLICK' }] }, 'inputs.1.productId', /required for CLICK/],
  ];

  it.each(cases)('rejects %s with the field and the reason, writing nothing', async (_name, operation, variables, field, reason) => {
    const response = await q(operation, variables);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors![0]!.extensions!.reason).toMatch(reason);
    const state = await ok(q(`{ cart { version } me { preferences { budgetLimit sustainabilityPreference location { latitude } } events { edges { cursor } } } }`));
    expect(state).toEqual({
      cart: { version: 0 },
      me: { preferences: { budgetLimit: '10.00', sustainabilityPreference: 'NONE', location: null }, events: { edges: [] } },
    });
  });
});

describe('what the catalog says goes into the cart', () => {
  it('rejects unknown, archived and out-of-stock products, and more than the stock, leaving the cart as it was', async () => {
    const q = as((await startSession()).token);
    const unknownId = crypto.randomUUID();
    const unknown = await q(addToCart, { productId: unknownId, quantity: 1 });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Product', id: unknownId });

    const none = await q(addToCart, { productId: soldOut.id, quantity: 1 });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'productId', reason: 'is out of stock', productId: soldOut.id });

    const archived = await q(addToCart, { productId: retired.id, quantity: 1 });
    expect(archived.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'productId', reason: 'is no longer sold' });

    await ok(q(addToCart, { productId: scarce.id, quantity: 2 }));
    const tooMany = await q(addToCart, { productId: scarce.id, quantity: 2 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity', reason: 'has only 3 in stock' });
    const raise = await q(`mutation ($id: ID!) { updateCartItem(productId: $id, quantity: 4) { id } }`, { id: scarce.id });
    expect(raise.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity', reason: 'has only 3 in stock' });

    const cart = await ok(q(`{ cart { version items { product { id } quantity } } }`));
    expect(cart.cart).toEqual({ version: 1, items: [{ product: { id: scarce.id }, quantity: 2 }] });
  });

  it('checks stock again at checkout and places nothing when it ran out', async () => {
    const q = as((await startSession()).token);
    const fading = product('fading', { price: '2.00', stockQuantity: 5 });
    await stack.services.products!.db!.prisma.product.create({ data: fading });
    await ok(q(addToCart, { productId: fading.id, quantity: 4 }));
    await ok(q(addToCart, { productId: bread.id, quantity: 1 }));
    await stack.services.products!.db!.prisma.product.update({ where: { id: fading.id }, data: { stockQuantity: 1 } });

    const refused = await q(`mutation { checkout { id } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'cart',
      reason: `${fading.name} has only 1 in stock`,
      productId: fading.id,
    });
    const state = await ok(q(`{ cart { version itemCount } orders { edges { cursor } } }`));
    expect(state).toEqual({ cart: { version: 2, itemCount: 5 }, orders: { edges: [] } });

    const emptyCheckout = await as((await startSession()).token)(`mutation { checkout { id } }`);
    expect(emptyCheckout.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cart' });
  });
});

describe('interaction events', () => {
  it('stores tracked events, with attribution, and publishes them on the interactions stream', async () => {
    const { token, id } = await startSession();
    const q = as(token);
    const seen: BusEvent<InteractionEventPayload>[] = [];
    const subscription = await stack.infra.events.consume(
      Streams.interactions,
      `shoppers-test-${crypto.randomUUID()}`,
      async (event) => {
        const typed = event as BusEvent<InteractionEventPayload>;
        if (typed.payload.shopperId === id) seen.push(typed);
      },
      { consumer: 'test' },
    );
    try {
      const single = await ok(
        q(`mutation ($p: ID!) { trackEvent(input: { type: CLICK, productId: $p, recommendationId: "rec-123" }) { id type product { id } recommendationId occurredAt } }`, {
          p: apple.id,
        }),
      );
      expect(single.trackEvent).toMatchObject({ type: 'CLICK', product: { id: apple.id }, recommendationId: 'rec-123' });

      const batch = await ok(
        q(`mutation ($inputs: [TrackEventInput!]!) { trackEvents(inputs: $inputs) { id type product { id } query } }`, {
          inputs: [
            { type: 'VIEW', productId: bread.id },
            { type: 'SEARCH', query: '  oat milk  ' },
          ],
        }),
      );
      expect(batch.trackEvents.map((e: { type: string; query: string | null }) => [e.type, e.query])).toEqual([
        ['VIEW', null],
        ['SEARCH', 'oat milk'],
      ]);
      expect(batch.trackEvents[1].product).toBeNull();

      const history = await ok(q(`{ me { events(first: 10) { edges { node { id type recommendationId } } } } }`));
      expect(history.me.events.edges).toHaveLength(3);
      const clicks = await ok(q(`{ me { events(type: CLICK) { edges { node { id recommendationId } } } } }`));
      expect(clicks.me.events.edges).toEqual([{ node: { id: single.trackEvent.id, recommendationId: 'rec-123' } }]);

      const deadline = Date.now() + 5000;
      while (seen.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const byId = new Map(seen.map((e) => [e.payload.eventId, e]));
      expect(byId.size).toBe(3);
      expect(byId.get(single.trackEvent.id)).toMatchObject({
        type: 'interaction',
        payload: { shopperId: id, type: 'CLICK', productId: apple.id, recommendationId: 'rec-123', query: null, basketId: null },
      });
      expect(byId.get(batch.trackEvents[1].id)!.payload).toMatchObject({ type: 'SEARCH', query: 'oat milk', productId: null });
    } finally {
      await subscription.stop();
    }
  });
});

describe('importOrderHistory (admin mutation through the gateway)', () => {
  const IMPORT = `mutation ($format: OrderHistoryFormat!, $data: String!) {
    importOrderHistory(format: $format, data: $data) { lines ordersCreated ordersUnchanged customersCreated purchaseEvents errors { line field reason } }
  }`;
  const key = async (roles: Role[]) => ({ 'x-api-key': (await createApiKey(stack.services.users!.db!.prisma, `history ${tag}`, roles)).key });

  it('imports real customers and orders once, names every bad line with nothing written, and needs a key allowed to', async () => {
    const service = await key(['service']);
    const header = 'orderId,customerId,sku,quantity,orderedAt,unitPrice';
    const lines = [
      `${tag}-o1,${tag}-c1,${apple.sku},2,2024-03-01T10:00:00Z,2.50`,
      `${tag}-o1,${tag}-c1,${bread.sku},1,2024-03-01T10:00:00Z,`,
      `${tag}-o2,${tag}-c2,${retired.sku},1,2024-03-02T10:00:00Z,`,
    ];
    const bad = await stack.query(IMPORT, { format: 'CSV', data: [header, ...lines, `${tag}-o3,${tag}-c2,${tag}-no-such-sku,1,2024-03-02T10:00:00Z,`, `${tag}-o4,${tag}-c2,${coffee.sku},0,2024-03-02T10:00:00Z,`].join('\n') }, service);
    expect(bad.errors).toBeUndefined();
    expect(bad.data.importOrderHistory).toEqual({
      lines: 5,
      ordersCreated: 0,
      ordersUnchanged: 0,
      customersCreated: 0,
      purchaseEvents: 0,
      errors: [
        { line: 5, field: 'sku', reason: `${tag}-no-such-sku is not a product of the catalog` },
        { line: 6, field: 'quantity', reason: 'must be a whole number from 1 to 100000' },
      ],
    });
    const users = stack.services.users!.db!.prisma;
    expect(await users.order.count({ where: { externalId: { startsWith: `${tag}-` } } })).toBe(0);

    const good = await stack.query(IMPORT, { format: 'CSV', data: [header, ...lines].join('\n') }, service);
    expect(good.errors).toBeUndefined();
    expect(good.data.importOrderHistory).toEqual({ lines: 3, ordersCreated: 2, ordersUnchanged: 0, customersCreated: 2, purchaseEvents: 3, errors: [] });
    const order = await users.order.findUniqueOrThrow({ where: { externalId: `${tag}-o1` }, include: { items: true, shopper: true } });
    expect(order.createdAt.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(order.shopper.externalId).toBe(`${tag}-c1`);
    // The line's own price where given, the catalog's regular price otherwise.
    expect(order.items.map((i) => [i.productId, i.quantity, i.unitPrice.toFixed(2)]).sort()).toEqual(
      [[apple.id, 2, '2.50'], [bread.id, 1, '5.00']].sort(),
    );

    // JSON Lines, the same orders again: nothing new.
    const jsonl = lines.map((line) => {
      const [orderId, customerId, sku, quantity, orderedAt, unitPrice] = line.split(',');
      return JSON.stringify({ orderId, customerId, sku, quantity: Number(quantity), orderedAt, ...(unitPrice ? { unitPrice } : {}) });
    });
    const again = await stack.query(IMPORT, { format: 'JSON_LINES', data: jsonl.join('\n') }, service);
    expect(again.data.importOrderHistory).toMatchObject({ lines: 3, ordersCreated: 0, ordersUnchanged: 2, customersCreated: 0, purchaseEvents: 0, errors: [] });

    const anonymous = await stack.query(IMPORT, { format: 'CSV', data: header });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'API_KEY_MISSING' });
    const editor = await stack.query(IMPORT, { format: 'CSV', data: header }, await key(['catalog-editor']));
    expect(editor.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['admin', 'service'] });
  });

  it('resolves SKUs through productsBySku, in the order asked, null for unknown ones, at most 500 per call', async () => {
    const found = await stack.query('query ($skus: [String!]!) { productsBySku(skus: $skus) { id } }', { skus: [bread.sku, `${tag}-none`, retired.sku] });
    expect(found).toEqual({ data: { productsBySku: [{ id: bread.id }, null, { id: retired.id }] } });
    const tooMany = await stack.query('query ($skus: [String!]!) { productsBySku(skus: $skus) { id } }', { skus: Array.from({ length: 501 }, (_, i) => `sku-${i}`) });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'skus', reason: 'at most 500 SKUs per call' });
  });
});

