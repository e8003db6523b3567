import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createApiKey } from '../../platform/auth/apiKeys';
import { buildAdminConsole } from '../../scripts/build-admin';
import { ensureClientBuilt } from '../../scripts/clientBuild';
import { launchBrowser, recordExternalRequests, type TestBrowser } from '../support/browser';
import { createCatalogProducts } from '../support/catalogProducts';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

// The two apps of one gateway together, as a shop works: a shop manager
// changes a price in the admin console at /admin, and a shopper in another
// browser (own cookies and storage) opening the product on the storefront at /
// reads the new price. Neither page loads anything from another origin.

let stack: Stack;
let browser: TestBrowser;
let origin: string;
let adminKey: string;
let productId: string;
const tag = crypto.randomBytes(3).toString('hex');
const NAME = `Apple juice ${tag} 1 L`;
/** A build of this file's own: another test file may rebuild dist/client meanwhile. */
const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-admin-storefront-'));

beforeAll(async () => {
  // What `npm run build:admin` and `npm run build:client` do; the gateway serves both.
  await buildAdminConsole();
  await ensureClientBuilt(buildDir);
  stack = await startStack({ GATEWAY_STOREFRONT: 'true', GATEWAY_STOREFRONT_DIR: buildDir });
  origin = new URL(stack.gatewayUrl).origin;
  adminKey = (await createApiKey(stack.services.users!.db!.prisma, `Shop manager ${tag}`, ['admin'])).key;
  [productId] = (await createCatalogProducts(stack, [{ sku: `juice-${tag}`, name: NAME, price: '1.49', stockQuantity: 30 }])) as [string];
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  fs.rmSync(buildDir, { recursive: true, force: true });
});

/** The price the product page shows, as digits only ("€2.79" and "2,79 €" both read "279"), or undefined while it loads. */
async function shownPrice(page: Page): Promise<string | undefined> {
  const price = page.getByRole('article').locator('.product-head .price strong');
  if ((await price.count()) === 0) return undefined;
  return (await price.first().textContent())?.replace(/\D/g, '');
}

/** Opens the product page (a fresh load: nothing from an earlier visit) and waits until it shows `digits`. */
function untilProductPageShows(page: Page, digits: string): Promise<true> {
  return eventually(
    async () => {
      await page.goto(`${origin}/product/${productId}`);
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor({ timeout: 30_000 });
      return (await shownPrice(page)) === digits ? true : undefined;
    },
    60_000,
    `the storefront showing ${NAME} at ${digits}`,
  );
}

describe('a price changed in the admin console', () => {
  it('is the price a shopper sees on the storefront', async () => {
    const shopper = await browser.newPage({ phone: true });
    const shopperExternal = recordExternalRequests(shopper.page, origin);
    const manager = await browser.newPage();
    const managerExternal = recordExternalRequests(manager.page, origin);

    // Before: the storefront shows the imported price.
    await untilProductPageShows(shopper.page, '149');

    const { page } = manager;
    await page.goto(`${origin}/admin/`);
    await page.getByLabel('API key').fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Shop manager ${tag} (admin)`).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByLabel('Search products').fill(`juice ${tag}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: `Edit ${NAME}` }).click();
    const price = page.getByLabel('Price (EUR)');
    await expect(price.inputValue()).resolves.toBe('1.49');
    await price.fill('2.79');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Saved Apple juice .*: price 2\.79 EUR/).waitFor({ timeout: 30_000 });

    // After: the shopper, opening the product again, reads the new price.
    await untilProductPageShows(shopper.page, '279');
    await browser.screenshot(shopper.page, 'admin-to-storefront-new-price');
    const api = await stack.query(`query ($id: ID!) { product(id: $id) { price effectivePrice } }`, { id: productId });
    expect(api.data.product).toEqual({ price: '2.79', effectivePrice: '2.79' });

    expect(managerExternal).toEqual([]);
    expect(shopperExternal).toEqual([]);
    await shopper.context.close();
    await manager.context.close();
  }, 180_000);
});
