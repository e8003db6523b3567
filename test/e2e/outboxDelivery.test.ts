import crypto from 'node:crypto';
import type { Subscription } from '../../platform/events/eventBus';
import { STREAM_START } from '../../platform/events/streamIds';
import { Streams, type CartEvents } from '../../platform/events/topics';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';
import { startThrowawayRedis, type ThrowawayRedis } from '../support/throwawayRedis';

// The outbox's promise through the whole stack, on a Redis of this test's own:
// Redis is killed in the middle of a stream of cart changes and comes back
// empty; every change that committed (every cart version a mutation
// returned) still reaches a reader of the carts stream.

let redis: ThrowawayRedis;
let stack: Stack;
let reader: Subscription | undefined;
const tag = crypto.randomBytes(4).toString('hex');
const productId = crypto.randomUUID();
/** `cartId:version` of every cart.updated read from the stream. */
const delivered = new Set<string>();

beforeAll(async () => {
  redis = await startThrowawayRedis();
  stack = await startStack({ REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: '300', OUTBOX_POLL_INTERVAL_MS: '200', OUTBOX_RETRY_MAX_MS: '500' });
  await stack.services.products!.db!.prisma.product.create({
    data: { id: productId, sku: `outbox-${tag}`, name: `Outbox ${tag}`, price: '1.00', stockQuantity: 100_000 },
  });
  // A follower (no consumer group): after Redis comes back empty it reads the new stream from
  // where it was, and it leaves nothing behind (group healing is the consumers' own business).
  reader = await stack.infra.events.follow(
    Streams.carts,
    async (event) => {
      if (event.type !== 'cart.updated') return;
      const { cartId, version } = event.payload as CartEvents['cart.updated'];
      delivered.add(`${cartId}:${version}`);
    },
    { after: STREAM_START },
  );
});

afterAll(async () => {
  await reader?.stop();
  await stack?.stop();
  await redis?.stop();
});

it('delivers every committed cart change after Redis was down and came back empty', async () => {
  const session = (await stack.query(`mutation { startSession { token } }`)).data.startSession.token as string;
  const committed: string[] = [];
  const addOne = async () => {
    const response = await stack.query(
      `mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { id version } }`,
      { id: productId },
      { 'x-session-token': session },
    );
    // A mutation that failed committed nothing; only the versions it returned are owed.
    const cart = response.data?.addToCart as { id: string; version: number } | undefined;
    if (cart) committed.push(`${cart.id}:${cart.version}`);
  };

  for (let i = 0; i < 10; i++) await addOne();
  await eventually(() => (committed.every((c) => delivered.has(c)) ? true : undefined), 30_000, 'the first changes');

  await redis.stop();
  const beforeOutage = committed.length;
  for (let i = 0; i < 15; i++) await addOne();
  // Cart writes do not need the bus: they commit with their outbox rows while Redis is away.
  expect(committed.length).toBe(beforeOutage + 15);
  const duringOutage = committed.slice(beforeOutage);
  expect(duringOutage.some((c) => delivered.has(c))).toBe(false);

  redis = await startThrowawayRedis({ port: redis.port });
  for (let i = 0; i < 5; i++) await addOne();
  await eventually(() => (committed.every((c) => delivered.has(c)) ? true : undefined), 60_000, 'every committed change after Redis returned');
  expect(committed).toHaveLength(30);
  expect(new Set(committed).size).toBe(30);
});
