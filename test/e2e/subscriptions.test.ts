import crypto from 'node:crypto';
import fs from 'node:fs';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { createApiKey } from '../../platform/auth/apiKeys';
import { createMessaging, type Messaging } from '../../platform/infrastructure';
import { createLogger } from '../../platform/logger';
import { buildGateway, type GatewayService } from '../../gateway/server';
import type { SubscriptionLimits } from '../../gateway/subscriptions/subscriptionServer';
import { waitFor } from '../support/freePort';
import { postGraphQL, startStack, type Stack } from '../support/stack';
import { testConfig } from '../support/testEnvironment';

// GraphQL subscriptions served by the gateway over graphql-ws, driven by the
// users subgraph's cart events, through real sockets and the real graphql-ws client.

let stack: Stack;
let admin: Record<string, string>;
const tag = crypto.randomBytes(3).toString('hex');
const products: Record<string, { id: string; name: string }> = {};
const opened: { close(): Promise<void> }[] = [];

interface Replica {
  gateway: GatewayService;
  http: string;
  ws: string;
}

/** A subscription-serving gateway on the stack's subgraphs. */
async function replica(
  messaging: Pick<Messaging, 'pubsub' | 'events'>,
  limits: Partial<SubscriptionLimits> = {},
  queryLimits: Partial<typeof stack.config.gateway.limits> = {},
  websocket: typeof stack.config.gateway.websocket = stack.config.gateway.websocket,
): Promise<Replica> {
  const gateway = buildGateway({
    config: {
      ...stack.config,
      gateway: {
        ...stack.config.gateway,
        supergraphSource: 'file',
        subgraphUrls: Object.fromEntries(stack.gateway.subgraphs.map((s) => [s.name, s.url])),
        limits: { ...stack.config.gateway.limits, ...queryLimits },
        websocket,
      },
    },
    logger: createLogger(stack.config.logLevel),
    supergraphSdl: fs.readFileSync(stack.config.gateway.supergraphPath, 'utf8'),
    pubsub: messaging.pubsub,
    events: messaging.events,
    subscriptionLimits: { connectionInitWaitTimeoutMs: 300, ...limits },
  });
  const http = await gateway.service.listen(0);
  opened.push(gateway);
  return { gateway, http, ws: http.replace(/^http/, 'ws') };
}

let main: Replica;

function connect(url: string, sessionToken?: string): Client {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams: sessionToken ? { sessionToken } : undefined, retryAttempts: 0 });
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The next result of a subscription; a refused operation (graphql-ws `error` message) comes back as its errors. */
async function next(iterator: AsyncIterableIterator<FormattedExecutionResult<any, unknown>>, what = 'payload'): Promise<FormattedExecutionResult<any, unknown>> {
  try {
    const result = await within(iterator.next(), 8000, what);
    if (result.done) throw new Error(`subscription completed before its ${what}`);
    return result.value;
  } catch (error) {
    if (Array.isArray(error)) return { errors: error };
    throw error;
  }
}

/** waitFor at a finer grain, for the 1,000-connection loop. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function session(): Promise<{ token: string; headers: Record<string, string>; cartId: string }> {
  const started = await stack.query(`mutation { startSession { token } }`);
  const token = started.data.startSession.token as string;
  const headers = { 'x-session-token': token };
  const cart = await stack.query(`{ me { cart { id } } }`, undefined, headers);
  return { token, headers, cartId: cart.data.me.cart.id };
}

async function addToCart(headers: Record<string, string>, key: string, quantity = 1, via = stack.gatewayUrl): Promise<number> {
  const response = await postGraphQL(via, `mutation ($id: ID!, $q: Int!) { addToCart(productId: $id, quantity: $q) { version } }`, { id: products[key]!.id, q: quantity }, headers);
  expect(response.errors).toBeUndefined();
  return response.data.addToCart.version;
}

beforeAll(async () => {
  stack = await startStack();
  const { key } = await createApiKey(stack.services.products!.db!.prisma, `subscriptions test ${tag}`, ['admin']);
  admin = { 'x-api-key': key };
  const category = await stack.query(`mutation ($name: String!) { createCategory(input: { name: $name }) { id } }`, { name: `Live aisle ${tag}` }, admin);
  expect(category.errors).toBeUndefined();
  const aisle = category.data.createCategory.id as string;
  for (const [name, price] of [['tea', '2.00'], ['honey', '3.00'], ['lemon', '1.00'], ['caviar', '50.00']] as const) {
    const created = await stack.query(
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id name } }`,
      { input: { sku: `live-${tag}-${name}`, name: `${name} ${tag}`, price, stockQuantity: 500, categoryId: aisle } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    products[name] = created.data.createProduct;
  }
  // Suggestions come from the recommendations subgraph's catalog projection, which learns from catalog events.
  await waitFor(
    async () =>
      stack
        .query(`query ($aisle: ID!) { popular(category: $aisle, first: 10, filter: { inStock: false }) { items { product { id } } } }`, { aisle })
        .then((r) => r.data.popular.items.length === 4),
    45_000,
    'catalog projection',
  );
  main = await replica(stack.infra);
});

afterAll(async () => {
  for (const each of opened.reverse()) await each.close();
  await stack?.stop();
});

const LIVE = `subscription {
  cartSuggestions {
    cart {
      total
      budget { status remaining }
      lines: items { quantity product { name price } }
      suggestions(first: 3) { items { product { name price } reason } }
    }
  }
}`;

describe('cartSuggestions', () => {
  it('sends the cart now, then again after every change, with fields of every subgraph', async () => {
    const shopper = await session();
    const budget = await stack.query(`mutation { updatePreferences(input: { budgetLimit: "10.00" }) { budgetLimit } }`, undefined, shopper.headers);
    expect(budget.errors).toBeUndefined();
    const client = connect(main.ws, shopper.token);
    const live = client.iterate({ query: LIVE });

    const first = await next(live, 'initial payload');
    expect(first.errors).toBeUndefined();
    expect(first.data.cartSuggestions.cart).toMatchObject({ lines: [], budget: { status: 'UNDER', remaining: '10.00' } });

    await addToCart(shopper.headers, 'tea', 2);
    const second = await next(live, 'payload after addToCart');
    expect(second.errors).toBeUndefined();
    const cart = second.data.cartSuggestions.cart;
    expect(cart.total).toBe('4.00');
    expect(cart.budget).toEqual({ status: 'UNDER', remaining: '6.00' });
    expect(cart.lines).toEqual([{ quantity: 2, product: { name: products.tea!.name, price: '2.00' } }]);
    expect(cart.suggestions.items.length).toBeGreaterThan(0);
    for (const item of cart.suggestions.items) {
      expect(item.product.name).not.toBe(products.tea!.name);
      expect(typeof item.reason).toBe('string');
    }

    await addToCart(shopper.headers, 'honey');
    const third = await next(live, 'payload after the second change');
    expect(third.data.cartSuggestions.cart.total).toBe('7.00');
    await live.return?.();
    await client.dispose();
  });

  it('keeps aliases, fragments, variables and directives of the selection', async () => {
    const shopper = await session();
    await addToCart(shopper.headers, 'lemon', 3);
    const client = connect(main.ws, shopper.token);
    const live = client.iterate({
      query: `subscription ($n: Int!, $withLines: Boolean!, $skipBudget: Boolean!) {
        cartSuggestions { kind: __typename c: cart { ...Totals lines: items @include(if: $withLines) { n: quantity } budget @skip(if: $skipBudget) { status } suggestions(first: $n) { items { product { name } } } } }
      }
      fragment Totals on Cart { sum: total count: itemCount }`,
      variables: { n: 1, withLines: true, skipBudget: true },
    });
    const payload = await next(live);
    expect(payload.errors).toBeUndefined();
    expect(payload.data.cartSuggestions.kind).toBe('CartSuggestionsPayload');
    const cart = payload.data.cartSuggestions.c;
    expect(Object.keys(cart).sort()).toEqual(['count', 'lines', 'suggestions', 'sum']);
    expect(cart).toMatchObject({ sum: '3.00', count: 3, lines: [{ n: 3 }] });
    expect(cart.suggestions.items.length).toBeLessThanOrEqual(1);
    await live.return?.();
    await client.dispose();
  });

  it('refuses another shopper’s cart with FORBIDDEN', async () => {
    const [me, other] = await Promise.all([session(), session()]);
    const client = connect(main.ws, me.token);
    const foreign = client.iterate({ query: `subscription ($cart: ID) { cartSuggestions(cartId: $cart) { cart { id } } }`, variables: { cart: other.cartId } });
    const refused = await next(foreign);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Its own cart, named explicitly, is fine.
    const own = client.iterate({ query: `subscription ($cart: ID) { cartSuggestions(cartId: $cart) { cart { id } } }`, variables: { cart: me.cartId } });
    expect((await next(own)).data.cartSuggestions.cart.id).toBe(me.cartId);
    await own.return?.();
    await client.dispose();
  });

  it('resolves each change once per selection and cart, however many subscribers watch it', async () => {
    const shopper = await session();
    const clients = Array.from({ length: 5 }, () => connect(main.ws, shopper.token));
    const lives = clients.map((client) => client.iterate({ query: `subscription { cartSuggestions { cart { version total } } }` }));
    await Promise.all(lives.map((live) => next(live, 'initial payload')));
    const execute = jest.spyOn(main.gateway.service.apollo, 'executeOperation');
    const version = await addToCart(shopper.headers, 'lemon');
    const payloads = await Promise.all(lives.map((live) => next(live, 'update')));
    const forwarded = execute.mock.calls.filter(([request]) => String(request.query).includes('CartSubscriptionPayload')).length;
    execute.mockRestore();
    for (const payload of payloads) expect(payload.data.cartSuggestions.cart).toEqual({ version, total: '1.00' });
    expect(forwarded).toBe(1);
    for (const live of lives) await live.return?.();
    await Promise.all(clients.map((client) => client.dispose()));
  });
});

describe('budgetAlerts', () => {
  it('pushes status, total and limit when the cart goes over its budget', async () => {
    const shopper = await session();
    const budget = await stack.query(`mutation { updatePreferences(input: { budgetLimit: "20.00" }) { budgetLimit } }`, undefined, shopper.headers);
    expect(budget.errors).toBeUndefined();
    const client = connect(main.ws, shopper.token);
    const alerts = client.iterate({ query: `subscription { budgetAlerts { cartId status total budgetLimit } }` });
    await waitFor(async () => main.gateway.subscriptions!.stats().subscriptions > 0, 3000, 'the subscription');
    await addToCart(shopper.headers, 'tea');
    await addToCart(shopper.headers, 'caviar');
    const alert = await next(alerts, 'budget alert');
    expect(alert.data.budgetAlerts).toEqual({ cartId: shopper.cartId, status: 'OVER', total: '52.00', budgetLimit: '20.00' });
    await alerts.return?.();
    await client.dispose();
  });
});

describe('connections', () => {
  function raw(url: string): { socket: WebSocket; closed: Promise<{ code: number; reason: string }> } {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    socket.on('error', () => undefined);
    return { socket, closed };
  }

  it('closes a connection that never sends connection_init', async () => {
    const { closed } = raw(main.ws);
    expect((await within(closed, 3000, 'close')).code).toBe(4408);
  });

  it('refuses a connection without a valid session token', async () => {
    const { socket, closed } = raw(main.ws);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { sessionToken: 'not-a-session' } })));
    expect((await within(closed, 3000, 'close')).code).toBe(4403);
  });

  it('closes a connection sending a message over the size limit', async () => {
    // graphql-ws reports the oversized frame on the console; it is the expected outcome here.
    const console = jest.spyOn(global.console, 'error').mockImplementation(() => undefined);
    const shopper = await session();
    const { socket, closed } = raw(main.ws);
    socket.on('message', () => socket.send('x'.repeat(100 * 1024)));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { sessionToken: shopper.token } })));
    expect((await within(closed, 3000, 'close')).code).toBe(1009);
    expect(console).toHaveBeenCalledWith(expect.stringContaining('Internal error'), expect.objectContaining({ code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' }));
    console.mockRestore();
  });

  it('allows 10 subscriptions per connection', async () => {
    const shopper = await session();
    const client = connect(main.ws, shopper.token);
    const lives = Array.from({ length: 10 }, () => client.iterate({ query: `subscription { cartSuggestions { cart { id } } }` }));
    for (const live of lives) expect((await next(live)).errors).toBeUndefined();
    const eleventh = await next(client.iterate({ query: `subscription { budgetAlerts { status } }` }));
    expect(eleventh.errors?.[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    for (const live of lives) await live.return?.();
    await client.dispose();
  });

  it('limits connections per client address (GATEWAY_WS_MAX_CONNECTIONS_PER_ADDRESS)', async () => {
    const { websocket } = testConfig({ GATEWAY_WS_MAX_CONNECTIONS_PER_ADDRESS: '3' }).gateway;
    const limited = await replica(stack.infra, {}, {}, websocket);
    const sockets = Array.from({ length: 3 }, () => new WebSocket(limited.ws, 'graphql-transport-ws'));
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('open', resolve))));
    const fourth = new WebSocket(limited.ws, 'graphql-transport-ws');
    const status = await new Promise<number>((resolve) => fourth.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(429);
    for (const socket of sockets) socket.terminate();
    await waitFor(async () => limited.gateway.subscriptions!.stats().addresses === 0, 3000, 'addresses released');
    const again = new WebSocket(limited.ws, 'graphql-transport-ws');
    await new Promise((resolve) => again.once('open', resolve));
    again.terminate();
  });

  /** A raw graphql-transport-ws client that subscribes, then drops its TCP connection without a close frame. */
  function vanishing(url: string, sessionToken: string, query: string): { leave(): void } {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.on('error', () => undefined);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { sessionToken } })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    });
    return { leave: () => socket.terminate() };
  }

  it('applies the HTTP depth and token limits to socket operations', async () => {
    const strict = await replica(stack.infra, {}, { maxDepth: 3, maxTokens: 40 });
    const { token } = await session();
    const client = connect(strict.ws, token);
    try {
      const deep = client.iterate({ query: 'subscription { cartSuggestions { cart { items { product { id } } } } }' });
      await expect(deep.next()).rejects.toEqual([expect.objectContaining({ message: expect.stringMatching(/depth limit of 3/) })]);
      const long = client.iterate({ query: `subscription { cartSuggestions { cart { ${'id '.repeat(40)} } } }` });
      await expect(long.next()).rejects.toEqual([expect.objectContaining({ message: expect.stringMatching(/more that 40 tokens/) })]);
    } finally {
      await client.dispose();
    }
  });

  it('leaves nothing behind after 1,000 connections open and close', async () => {
    const shoppers = await Promise.all(Array.from({ length: 10 }, () => session()));
    const subscriptions = main.gateway.subscriptions!;
    const channelsBefore = stack.infra.pubsub.activeChannels();
    for (let wave = 0; wave < 20; wave++) {
      const clients = Array.from({ length: 50 }, (_, i) => {
        const token = shoppers[i % shoppers.length]!.token;
        // A quarter watch the cart (a forwarded query per payload), the rest budget alerts (signals only).
        const query = i % 4 ? `subscription { budgetAlerts { status } }` : `subscription { cartSuggestions { cart { id } } }`;
        if (i % 3 === 0) return vanishing(main.ws, token, query);
        const client = connect(main.ws, token);
        client.subscribe({ query }, { next: () => undefined, error: () => undefined, complete: () => undefined });
        return { leave: () => client.dispose() };
      });
      await until(() => subscriptions.stats().subscriptions === 50, 45_000, `wave ${wave} subscribed`);
      expect(subscriptions.stats().carts).toBe(shoppers.length);
      expect(stack.infra.pubsub.activeChannels()).toBe(channelsBefore + shoppers.length);
      // Some leave politely, some vanish without a close frame.
      await Promise.all(clients.map((client) => client.leave()));
      await until(() => subscriptions.stats().connections === 0, 45_000, `wave ${wave} closed`);
    }
    // A payload being resolved when its socket went away finishes (and is dropped) on its own.
    await until(() => subscriptions.stats().subscriptions + subscriptions.stats().carts + subscriptions.stats().inFlight === 0, 5000, 'subscriptions released');
    expect(subscriptions.stats()).toMatchObject({ connections: 0, addresses: 0, carts: 0, subscriptions: 0, inFlight: 0 });
    expect(stack.infra.pubsub.activeChannels()).toBe(channelsBefore);
  }, 120_000);
});

describe('replicas and shutdown', () => {
  it('delivers a change made through one replica to a subscriber on another', async () => {
    // With Redis each replica has its own connections, as separate processes would; embedded, they share the in-process ones.
    const separate = stack.config.redis ? await Promise.all([createMessaging(stack.config), createMessaging(stack.config)]) : [];
    opened.push(...separate);
    const a = await replica(separate[0] ?? stack.infra);
    const b = await replica(separate[1] ?? stack.infra);
    const shopper = await session();
    const client = connect(b.ws, shopper.token);
    const live = client.iterate({ query: `subscription { cartSuggestions { cart { total items { product { name } } } } }` });
    expect((await next(live, 'initial payload')).data.cartSuggestions.cart.items).toEqual([]);
    await addToCart(shopper.headers, 'honey', 1, a.http);
    const update = await next(live, 'update on the other replica');
    expect(update.data.cartSuggestions.cart).toEqual({ total: '3.00', items: [{ product: { name: products.honey!.name } }] });
    await live.return?.();
    await client.dispose();
    await until(() => b.gateway.subscriptions!.stats().carts === 0, 3000, 'the subscriber gone');
  });

  it('closes sockets with 1001 on shutdown and releases every channel', async () => {
    const channelsBefore = stack.infra.pubsub.activeChannels();
    const leaving = await replica(stack.infra);
    const shopper = await session();
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: leaving.ws,
        webSocketImpl: WebSocket,
        connectionParams: { sessionToken: shopper.token },
        retryAttempts: 0,
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe({ query: `subscription { cartSuggestions { cart { id } } }` }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    await waitFor(async () => leaving.gateway.subscriptions!.stats().subscriptions === 1, 5000, 'the subscription');
    expect(stack.infra.pubsub.activeChannels()).toBe(channelsBefore + 1);
    await leaving.gateway.close();
    expect(await within(closed, 5000, 'close')).toBe(1001);
    expect(leaving.gateway.subscriptions!.stats()).toMatchObject({ connections: 0, subscriptions: 0, carts: 0 });
    expect(stack.infra.pubsub.activeChannels()).toBe(channelsBefore);
  });
});
