import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { seedDemoDataIfEmpty } from '../../scripts/demoData';
import { ensureClientBuilt } from '../../scripts/clientBuild';
import { demoId } from '../../subgraphs/products/seed/demoId';
import { barcodePng, blurred, withCheckDigit } from '../support/barcodeImages';
import { listPng } from '../support/listImages';
import { launchBrowser, recordExternalRequests, type TestBrowser } from '../support/browser';
import { eventually } from '../support/eventually';
import { freshDatabase, type FreshDatabase } from '../support/freshDatabase';
import { startStack, type Stack } from '../support/stack';

// The example storefront (client/storefront) served by the gateway at `/`,
// driven in headless Chromium on a phone-sized screen against the demo
// catalog: a session, search, a product, two items added with the budget bar
// and the suggestions panel following live, preferences, checkout, orders.

let stack: Stack;
let database: FreshDatabase | undefined;
let browser: TestBrowser;
let origin: string;
/** A build of this file's own: another test file may rebuild dist/client meanwhile. */
const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-storefront-'));

/** The promise: the panel and the bar follow a cart change within 2 s (a wait deadline, not a measurement). */
const LIVE_DEADLINE_MS = 2000;
const WHOLE_MILK = demoId('Whole milk 1 L');

beforeAll(async () => {
  await ensureClientBuilt(buildDir);
  database = await freshDatabase('smartcart_storefront');
  stack = await startStack({ ...database.env, GATEWAY_STOREFRONT: 'true', GATEWAY_STOREFRONT_DIR: buildDir }, { subscriptions: true });
  await seedDemoDataIfEmpty(stack.infra, { population: false });
  // The engine learns the catalog from its events: similar items exist once it has.
  await eventually(
    async () => {
      const response = await stack.query(`query ($id: ID!) { product(id: $id) { similarItems(first: 1) { items { reason } } } }`, { id: WHOLE_MILK });
      return (response.data?.product?.similarItems?.items.length ?? 0) > 0 ? true : undefined;
    },
    90_000,
    'demo catalog in the recommendation engine',
  );
  origin = new URL(stack.gatewayUrl).origin;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await database?.drop();
  fs.rmSync(buildDir, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  external: string[];
  failed: string[];
  pageErrors: string[];
}

async function openStorefront(): Promise<Watched> {
  const { page } = await browser.newPage({ phone: true });
  const external = recordExternalRequests(page, origin);
  const failed: string[] = [];
  const pageErrors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/`);
  await page.getByRole('heading', { name: 'Browse the shop' }).waitFor({ timeout: 30_000 });
  return { page, external, failed, pageErrors };
}

const sessionTokenOf = (page: Page) => page.evaluate<string | null>(`localStorage.getItem('smartcart.sessionToken')`);

interface LiveState {
  total: string | null;
  status: string | null;
  cartVersion: string | null;
  panelVersion: string | null;
  panelText: string;
}

/** What the budget bar and the suggestions panel show now, read in one go (a render may land between two reads). */
const liveState = (page: Page) =>
  page.evaluate<LiveState>(`(() => {
    const bar = document.querySelector('[aria-label="Budget"]');
    const panel = document.querySelector('[data-panel="cart-suggestions"]');
    return {
      total: bar?.getAttribute('data-total') ?? null,
      status: bar?.getAttribute('data-status') ?? null,
      cartVersion: bar?.getAttribute('data-version') ?? null,
      panelVersion: panel?.getAttribute('data-version') ?? null,
      panelText: panel?.textContent ?? '',
    };
  })()`);

/** Waits, up to the live deadline, until bar and panel both show a cart version newer than `before`'s. */
function waitForLiveUpdate(page: Page, before: LiveState): Promise<LiveState> {
  return eventually(
    async () => {
      const now = await liveState(page);
      return now.cartVersion !== before.cartVersion && now.panelVersion === now.cartVersion ? now : undefined;
    },
    LIVE_DEADLINE_MS,
    `budget bar and suggestions panel after cart version ${before.cartVersion}`,
  );
}

/** Polls a locator's attribute until it has the value wanted. */
const attributeBecomes = (page: Page, selector: string, name: string, value: string) =>
  eventually(async () => ((await page.locator(selector).getAttribute(name)) === value ? true : undefined), 15_000, `${selector} ${name}=${value}`);

describe('the storefront', () => {
  let watched: Watched;
  let token: string | null;

  it('starts a session and shows the category tree', async () => {
    watched = await openStorefront();
    const { page } = watched;
    token = await sessionTokenOf(page);
    expect(token).toMatch(/.{20,}/);
    const me = await stack.query(`{ me { id cart { itemCount } } }`, undefined, { 'x-session-token': token! });
    expect(me.errors).toBeUndefined();
    expect(me.data.me.cart.itemCount).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Categories' }).getByRole('link').count()).toBeGreaterThan(10);
    await browser.screenshot(page, 'storefront-1-browse');
  });

  it('sets a budget and a location in the preferences', async () => {
    const { page } = watched;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Preferences' }).click();
    await page.getByLabel('Budget per cart').fill('6');
    await page.getByLabel('Location').selectOption('Berlin');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 15_000 });
    const prefs = await stack.query(`{ me { preferences { budgetLimit location { city } } } }`, undefined, { 'x-session-token': token! });
    expect(prefs.data.me.preferences).toEqual({ budgetLimit: '6.00', location: { city: 'Berlin' } });
    await attributeBecomes(page, '[aria-label="Budget"]', 'data-status', 'UNDER');
    await browser.screenshot(page, 'storefront-2-preferences');
  });

  it('searches with filters', async () => {
    const { page } = watched;
    await page.getByRole('searchbox', { name: 'Search products' }).fill('milk');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { name: 'Results for “milk”' }).waitFor({ timeout: 15_000 });
    const results = page.getByRole('region', { name: 'Search results' });
    await results.getByRole('link', { name: /Whole milk 1 L/ }).first().waitFor({ timeout: 15_000 });
    // A filter narrows the list: lactose-free milks only.
    await page.getByRole('checkbox', { name: 'Lactose free' }).check();
    await page.getByLabel('Sort').selectOption('PRICE_ASC');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/diet=LACTOSE_FREE/);
    await eventually(async () => ((await results.getByRole('link', { name: /Whole milk 1 L$/ }).count()) === 0 ? true : undefined), 15_000, 'filtered results');
    const names = await results.locator('.card-name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    const api = await stack.query(`{ products(filter: { text: "milk", dietaryTags: [LACTOSE_FREE] }, sort: PRICE_ASC, first: 24) { edges { node { name } } } }`);
    expect(names).toEqual(api.data.products.edges.map((e: { node: { name: string } }) => e.node.name));
    await browser.screenshot(page, 'storefront-3-search');
  });

  it('opens a product with nutrition, sustainability, stores near and recommendations with their reasons', async () => {
    const { page } = watched;
    await page.goto(`${origin}/search?q=milk`);
    await page.getByRole('region', { name: 'Search results' }).getByRole('link', { name: /^Whole milk 1 L/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Whole milk 1 L' }).waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${origin}/product/${WHOLE_MILK}`);
    await expect(page.getByRole('region', { name: 'Nutrition per 100 g' }).getByRole('row').count()).resolves.toBeGreaterThan(3);
    await expect(page.getByRole('region', { name: 'Sustainability' }).textContent()).resolves.toMatch(/Score \d+ \/ 100/);
    const stores = page.getByRole('region', { name: 'Stores near you' });
    await stores.getByText(/SmartCart .+, Berlin: \d+\.\d km/).first().waitFor({ timeout: 15_000 });
    const similar = page.getByRole('region', { name: 'Similar products' });
    await similar.locator('.reason').first().waitFor({ timeout: 15_000 });
    expect(await similar.locator('.reason').first().textContent()).toMatch(/\w+.*(\d+|under 1) % chance you add it next/);
    await page.getByRole('region', { name: 'Frequently bought together' }).waitFor();
    await browser.screenshot(page, 'storefront-4-product');
  });

  it('adds two items and the budget bar and the suggestions panel follow each change live', async () => {
    const { page } = watched;
    const before = await liveState(page);
    expect(before.total).toBe('0.00');

    await page.getByRole('button', { name: 'Add Whole milk 1 L to cart' }).first().click();
    const afterFirst = await waitForLiveUpdate(page, before);
    expect(Number(afterFirst.total)).toBeGreaterThan(0);
    expect(afterFirst.panelText).not.toBe(before.panelText);

    // The second from the similar-products panel: added with its recommendation id.
    const similar = page.getByRole('region', { name: 'Similar products' });
    const second = similar.getByRole('button', { name: /^Add .+ to cart$/ }).first();
    const secondName = (await second.getAttribute('aria-label'))!.replace(/^Add (.+) to cart$/, '$1');
    await second.click();
    const afterSecond = await waitForLiveUpdate(page, afterFirst);
    expect(Number(afterSecond.total)).toBeGreaterThan(Number(afterFirst.total));
    expect(afterSecond.panelText).not.toBe(afterFirst.panelText);
    await expect(page.getByRole('link', { name: 'Cart, 2 items' }).count()).resolves.toBe(1);
    await browser.screenshot(page, 'storefront-5-cart-live');

    const cart = await stack.query(`{ cart { items { product { id name } } } me { events(type: ADD_TO_CART) { edges { node { product { id } recommendationId } } } } }`, undefined, { 'x-session-token': token! });
    expect(cart.data.cart.items.map((i: { product: { name: string } }) => i.product.name).sort()).toEqual([secondName, 'Whole milk 1 L'].sort());
    const added = cart.data.me.events.edges.map((e: { node: { product: { id: string }; recommendationId: string | null } }) => e.node);
    expect(added.find((e: { product: { id: string } }) => e.product.id === WHOLE_MILK)?.recommendationId).toBeNull();
    expect(added.find((e: { product: { id: string } }) => e.product.id !== WHOLE_MILK)?.recommendationId).toMatch(/.+/);
  });

  it('tracks a click on a recommendation with its recommendation id', async () => {
    const { page } = watched;
    const similar = page.getByRole('region', { name: 'Similar products' });
    const link = similar.locator('.card-link').first();
    const productId = await link.evaluate((a) => a.closest('[data-product-id]')!.getAttribute('data-product-id'));
    await link.click();
    await page.waitForURL(`${origin}/product/${productId}`);
    const clicks = await eventually(async () => {
      const response = await stack.query(`{ me { events(type: CLICK) { edges { node { product { id } recommendationId } } } } }`, undefined, { 'x-session-token': token! });
      const edges = response.data?.me?.events?.edges ?? [];
      return edges.length > 0 ? edges.map((e: { node: unknown }) => e.node) : undefined;
    }, 15_000, 'a CLICK event');
    expect(clicks[0]).toEqual({ product: { id: productId }, recommendationId: expect.stringMatching(/.+/) });
  });

  it('checks out and shows the order, its recommended line attributed', async () => {
    const { page } = watched;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
    await page.getByRole('button', { name: 'Check out' }).click();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor({ timeout: 15_000 });
    await page.getByRole('status').filter({ hasText: 'your order is placed' }).waitFor();
    await page.getByText('1 × Whole milk 1 L').waitFor({ timeout: 15_000 });
    await attributeBecomes(page, '[aria-label="Budget"]', 'data-total', '0.00');
    await browser.screenshot(page, 'storefront-6-orders');
    const purchases = await stack.query(`{ me { events(type: PURCHASE) { edges { node { recommendationId basketId } } } } }`, undefined, { 'x-session-token': token! });
    const nodes = purchases.data.me.events.edges.map((e: { node: { recommendationId: string | null } }) => e.node);
    expect(nodes).toHaveLength(2);
    expect(nodes.filter((n: { recommendationId: string | null }) => n.recommendationId !== null)).toHaveLength(1);
  });

  it('loaded nothing from outside its origin, no image or asset failed, no script error', async () => {
    const { page, external, failed, pageErrors } = watched;
    // Every image on the last page actually decoded.
    const broken = await page.evaluate<string[]>(`[...document.images].filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.src)`);
    expect(broken).toEqual([]);
    expect(external).toEqual([]);
    expect(failed).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('scanning a barcode', () => {
  let page: Page;
  let context: Awaited<ReturnType<TestBrowser['newPage']>>['context'];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ page, context } = await browser.newPage({ phone: true }));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Browse the shop' }).waitFor({ timeout: 30_000 });
  });

  afterAll(() => context?.close());

  const scanDialog = () => page.getByRole('dialog', { name: 'Barcode scan' });
  const upload = async (name: string, buffer: Buffer) => {
    const mimeType = name.endsWith('.png') ? 'image/png' : name.endsWith('.heic') ? 'image/heic' : 'image/jpeg';
    await page.getByLabel('Scan a barcode').setInputFiles({ name, mimeType, buffer });
  };

  it('shows the product a photo of its barcode names, with what goes around it, and opens its page', async () => {
    const product = await stack.query(`query ($id: ID!) { product(id: $id) { gtin } }`, { id: WHOLE_MILK });
    // The GTIN as the catalog prints it (13 digits for an EAN-13): the digits under its bars.
    const ean13 = (product.data.product.gtin as string).padStart(14, '0').slice(1);
    await upload('milk.png', await barcodePng('ean13', ean13));
    const dialog = scanDialog();
    await dialog.getByText(`Read ${ean13} (EAN-13)`).waitFor({ timeout: 30_000 });
    await dialog.getByRole('link', { name: 'Whole milk 1 L', exact: true }).waitFor();
    const around = dialog.getByRole('region', { name: 'Goes with Whole milk 1 L' });
    await around.locator('.reason').first().waitFor({ timeout: 15_000 });
    const names = await around.locator('.card-name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('Whole milk 1 L');
    await browser.screenshot(page, 'storefront-7-scan');
    await dialog.getByRole('link', { name: 'Whole milk 1 L', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Whole milk 1 L' }).waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${origin}/product/${WHOLE_MILK}`);
    expect(await scanDialog().isVisible()).toBe(false);
  });

  it('says so for a barcode the shop does not sell, a photo without a readable barcode and one too large to send', async () => {
    const unknown = withCheckDigit('400638133393');
    await upload('unknown.png', await barcodePng('ean13', unknown));
    await scanDialog().getByRole('alert').filter({ hasText: `We don’t sell a product with the barcode ${unknown}.` }).waitFor({ timeout: 30_000 });
    await scanDialog().getByRole('button', { name: 'Close' }).click();

    await upload('blurred.jpg', await blurred(await barcodePng('ean13', unknown), 30));
    await scanDialog().getByRole('alert').filter({ hasText: 'No barcode could be read in this photo' }).waitFor({ timeout: 30_000 });
    await scanDialog().getByRole('button', { name: 'Close' }).click();

    // A photo the browser cannot redraw is sent as it is: over RECS_IMAGE_MAX_BYTES (4,000,000), it is refused.
    await upload('huge.heic', crypto.randomBytes(4_100_000));
    await scanDialog().getByRole('alert').filter({ hasText: 'This photo is too large' }).waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  });
});

describe('filling the cart from a shopping list', () => {
  it('adds the best match per line and says what it could not find', async () => {
    const { page, context } = await browser.newPage({ phone: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Browse the shop' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Shopping list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Shopping list' });
    await dialog.getByLabel(/One item per line/).fill('2 x oat drink\nzzqx wibble');
    await dialog.getByRole('button', { name: 'Fill my cart' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Added 1 of 2 items to your cart.' }).waitFor({ timeout: 30_000 });
    const lines = await dialog.locator('.list-lines li').allTextContents();
    // <q> draws its quotes with CSS: they are not in the text.
    expect(lines).toEqual(['Added 2 x oat drink → 2 × Oat drink 1 L', 'Not found zzqx wibble No product matches “zzqx wibble”']);
    await browser.screenshot(page, 'storefront-8-shopping-list');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The header's cart follows: two oat drinks.
    await page.getByRole('link', { name: 'Cart, 2 items' }).waitFor({ timeout: 15_000 });

    // A printed list, photographed: read by the API's text recognition (its clean-up drops the "x" of a count), filled the same way.
    await page.getByRole('button', { name: 'Shopping list' }).click();
    await dialog.getByLabel('Scan a list').setInputFiles({ name: 'list.png', mimeType: 'image/png', buffer: await listPng(['3 x baguette', 'spaghetti']) });
    await dialog.getByRole('status').filter({ hasText: 'Added 2 of 2 items to your cart.' }).waitFor({ timeout: 60_000 });
    expect(await dialog.locator('.list-lines li').allTextContents()).toEqual(['Added 3 baguette → 3 × Baguette', 'Added spaghetti → Spaghetti 500 g']);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('link', { name: 'Cart, 6 items' }).waitFor({ timeout: 15_000 });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('a session the API no longer accepts', () => {
  it('is replaced by a new one, on loading the page and while the app runs', async () => {
    const { page, context } = await browser.newPage({ phone: true });
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Browse the shop' }).waitFor({ timeout: 30_000 });
    const first = await sessionTokenOf(page);
    const ended = await stack.query(`mutation { endSession }`, undefined, { 'x-session-token': first! });
    expect(ended.data).toEqual({ endSession: true });
    // The running app's next request is refused: it starts over with a new session.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    const second = await eventually(async () => {
      const token = await sessionTokenOf(page).catch(() => null);
      return token && token !== first ? token : undefined;
    }, 15_000, 'a new session token');
    await page.getByRole('heading', { name: 'Your orders' }).waitFor({ timeout: 15_000 });
    // A stored token ended while the page was closed: replaced at load.
    await stack.query(`mutation { endSession }`, undefined, { 'x-session-token': second });
    await page.reload();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor({ timeout: 30_000 });
    const third = await sessionTokenOf(page);
    expect(third).not.toBe(second);
    const me = await stack.query(`{ me { id } }`, undefined, { 'x-session-token': third! });
    expect(me.errors).toBeUndefined();
    await context.close();
  });
});

describe('serving the storefront', () => {
  it('answers every app path with the app, never an API path', async () => {
    const deep = await fetch(`${origin}/product/${WHOLE_MILK}`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/text\/html/);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(deep.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await deep.text();
    const script = /src="(\/assets\/storefront-[A-Z0-9]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${origin}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect((await fetch(`${origin}/assets/nope-123.js`)).status).toBe(404);
    // Another app of the build answers under its own prefix.
    fs.mkdirSync(path.join(buildDir, 'console'), { recursive: true });
    fs.writeFileSync(path.join(buildDir, 'console', 'index.html'), '<!doctype html><title>console</title>');
    expect(await (await fetch(`${origin}/console/some/page`)).text()).toContain('<title>console</title>');
    expect(await (await fetch(`${origin}/cart`)).text()).toContain('/assets/storefront-');
    // The API is untouched: /graphql answers GraphQL, an unknown JSON path the JSON 404.
    const api = await stack.query(`{ categories { id } }`);
    expect(api.data.categories.length).toBeGreaterThan(0);
    const unknown = await fetch(`${origin}/nothing-here`, { headers: { accept: 'application/json' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/json/);
  });

  it('serves an image for every demo product and a placeholder for any other image path', async () => {
    const response = await stack.query(`{ products(first: 100) { edges { node { images { url } } } } }`);
    const urls = response.data.products.edges.flatMap((e: { node: { images: { url: string }[] } }) => e.node.images.map((i) => i.url));
    expect(urls.length).toBe(100);
    for (const url of urls) {
      const image = await fetch(new URL(url, origin));
      expect([url, image.status, image.headers.get('content-type')]).toEqual([url, 200, 'image/svg+xml']);
      expect(await image.text()).toContain('<svg');
    }
    const other = await fetch(`${origin}/images/imported-product.jpg`);
    expect(other.status).toBe(200);
    expect(other.headers.get('content-type')).toBe('image/svg+xml');
  });
});
