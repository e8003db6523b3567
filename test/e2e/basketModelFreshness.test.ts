import crypto from 'node:crypto';
import type { RecommendationsService } from '../../subgraphs/recommendations/server';
import { createCatalogProducts } from '../support/catalogProducts';
import { eventually } from '../support/eventually';
import { scrape } from '../support/scrape';
import { startStack, type Stack } from '../support/stack';

// Checkouts through the gateway reach the basket model itself, not only its
// newer-pairs part: a burst of orders of a new pair triggers a refit in the
// background (here after 6 purchases), and cart completion then suggests one
// item for the other from the refitted model.

let stack: Stack;
const tag = crypto.randomBytes(3).toString('hex');
let ids: string[];

beforeAll(async () => {
  stack = await startStack({ RECS_REFIT_AFTER_PURCHASES: '6' });
  ids = await createCatalogProducts(
    stack,
    ['kimchi', 'rice noodles', 'sesame oil'].map((name) => ({ sku: `fresh-${tag}-${name.replace(/\s/g, '-')}`, name: `${name} ${tag}`, price: '3.10', stockQuantity: 100 })),
  );
  // Their catalog events reach the recommender.
  const engine = () => (stack.services.recommendations as unknown as RecommendationsService).host.engine;
  await eventually(() => (ids.every((id) => engine().catalog.get(engine().items.indexOf(id) ?? -1)) ? true : undefined), 120_000, 'the products in the recommender');
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

async function shopper(): Promise<Record<string, string>> {
  const response = await stack.query(`mutation { startSession { token } }`);
  return { 'x-session-token': response.data.startSession.token };
}

async function addToCart(session: Record<string, string>, productId: string): Promise<void> {
  const added = await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: productId }, session);
  expect(added.errors).toBeUndefined();
}

it('a burst of orders of a new pair is fitted in the background, and cart completion for one suggests the other', async () => {
  const host = (stack.services.recommendations as unknown as RecommendationsService).host;
  const before = host.basketModelStatus();
  const [kimchi, noodles] = [ids[0]!, ids[1]!];
  for (let order = 0; order < 3; order++) {
    const session = await shopper();
    await addToCart(session, kimchi);
    await addToCart(session, noodles);
    expect((await stack.query(`mutation { checkout { id } }`, undefined, session)).errors).toBeUndefined();
  }
  // The six purchases learned and fitted: nothing left for the newer-pairs part alone.
  const status = await eventually(() => {
    const now = host.basketModelStatus();
    return now.fits > before.fits && now.purchasesSinceFit === 0 && !now.fitting ? now : undefined;
  }, 120_000, 'the burst fitted into the basket model');
  expect(status.failures).toBe(0);
  expect(status.ageSeconds).not.toBeNull();

  const session = await shopper();
  await addToCart(session, kimchi);
  const suggested = await eventually(async () => {
    const cart = await stack.query(`{ me { cart { suggestions(first: 3, strict: true) { servedBy items { product { id } } } } } }`, undefined, session);
    expect(cart.errors).toBeUndefined();
    const list = cart.data.me.cart.suggestions;
    return list.items[0]?.product.id === noodles ? list : undefined;
  }, 120_000, 'Cart.suggestions of a cart with kimchi to lead with rice noodles');
  expect(suggested.servedBy).toEqual(['CART_COMPLETION']);

  const metrics = await scrape(stack.services.recommendations!.service.metricsUrl);
  expect(metrics.sum('smartcart_recs_basket_model_fit_duration_seconds_count', { reason: 'purchases' })).toBeGreaterThanOrEqual(1);
  expect(metrics.find('smartcart_recs_basket_model_age_seconds')).toHaveLength(1);
  expect(metrics.sum('smartcart_recs_basket_model_purchases_since_fit')).toBe(0);
  // The subgraph's health report names the basket model's age.
  const health = (await (await fetch(new URL('/healthz', stack.subgraphUrls.recommendations!))).json()) as { status: string; basketModel: Record<string, unknown> };
  expect(health.status).toBe('ok');
  expect(health.basketModel).toMatchObject({ purchasesSinceFit: 0, failures: 0, fitting: false });
  expect(typeof health.basketModel.ageSeconds).toBe('number');
  expect(Date.parse(String(health.basketModel.fittedAt))).toBeGreaterThan(0);
}, 360_000);
