import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { createApiKey } from '../../platform/auth/apiKeys';
import { buildAdminConsole } from '../../scripts/build-admin';
import { launchBrowser, recordExternalRequests, type TestBrowser } from '../support/browser';
import { createCatalogProducts } from '../support/catalogProducts';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

// The admin console in Chromium against the whole API: staff sign in with an
// API key, change a price (and the public `product` query shows it), upload a
// bad import file and read its per-row errors, create and revoke a key, read
// the recommender's health. The page loads nothing from any other origin.

let stack: Stack;
let browser: TestBrowser;
let origin: string;
let adminKey: string;
let productId: string;
const tag = crypto.randomBytes(3).toString('hex');

beforeAll(async () => {
  // What `npm run build:admin` does; the gateway serves the result at /admin.
  await buildAdminConsole();
  stack = await startStack();
  origin = new URL(stack.gatewayUrl).origin;
  // A key made as `npm run apikey:create -- <name> admin` makes it.
  adminKey = (await createApiKey(stack.services.users!.db!.prisma, `Shop manager ${tag}`, ['admin'])).key;
  [productId] = await createCatalogProducts(stack, [
    { sku: `oat-${tag}`, name: `Oat drink ${tag} 1 L`, price: '1.99', stockQuantity: 40, dietaryTags: ['VEGAN'] },
    { sku: `rye-${tag}`, name: `Rye bread ${tag}`, price: '2.49' },
  ]) as [string];
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${origin}/admin/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('admin console', () => {
  let page: Page;
  let external: string[];

  beforeAll(async () => {
    ({ page } = await browser.newPage());
    external = recordExternalRequests(page, origin);
  });

  it('is served with a strict content security policy', async () => {
    const response = await fetch(`${origin}/admin/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses an unknown key and signs in with a real one', async () => {
    await signIn(page, 'sck_not-a-key');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('unknown or revoked');
    await page.getByLabel('API key').fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Shop manager ${tag} (admin)`).waitFor();
    // Kept for this tab only.
    expect(await page.evaluate('[sessionStorage.length, localStorage.length]')).toEqual([1, 0]);
    for (const section of ['Products', 'Categories', 'Stores', 'Import', 'API keys', 'Health']) {
      await page.getByRole('navigation').getByRole('link', { name: section }).waitFor();
    }
  });

  it('changes a price, and the public product query shows it', async () => {
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.getByLabel('Search products').fill(`oat ${tag}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: `Edit Oat drink ${tag} 1 L` }).click();
    const price = page.getByLabel('Price (EUR)');
    await expect(price.inputValue()).resolves.toBe('1.99');

    // A bad price is refused next to its field, and nothing changes.
    await price.fill('1.234');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').waitFor();
    await expect(price.getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await stack.query(`query ($id: ID!) { product(id: $id) { price } }`, { id: productId })).data.product.price).toBe('1.99');

    await price.fill('2.79');
    await page.getByLabel('Discount (%)').fill('10');
    await page.getByLabel('Units in stock').fill('12');
    await page.getByRole('checkbox', { name: 'gluten free' }).check();
    await page.getByLabel('Score (0–100)').fill('70');
    await page.getByRole('checkbox', { name: 'organic' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Saved Oat drink .*: price 2\.79 EUR, shoppers pay 2\.51/).waitFor();
    await browser.screenshot(page, 'admin-console-price-changed');

    const product = await stack.query(`query ($id: ID!) { product(id: $id) { price effectivePrice stockQuantity dietaryTags sustainability { score labels } } }`, { id: productId });
    expect(product.data.product).toEqual({
      price: '2.79',
      effectivePrice: '2.51',
      stockQuantity: 12,
      dietaryTags: expect.arrayContaining(['VEGAN', 'GLUTEN_FREE']),
      sustainability: { score: 70, labels: ['ORGANIC'] },
    });
  });

  it('uploads a bad import file and lists its errors row by row, writing nothing', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    const csv = ['sku,name,price', `good-${tag},Good row ${tag},1.00`, `bad-${tag},,2.00`, `worse-${tag},Worse row,-3`].join('\n');
    await page.getByLabel('Product file (CSV or JSON)').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    const errors = page.getByRole('table', { name: 'Rows with errors' });
    await errors.waitFor();
    const rows = await errors.locator('tbody tr').allTextContents();
    expect(rows.length).toBe(2);
    expect(rows[0]).toMatch(/^3name/);
    expect(rows[1]).toMatch(/^4price/);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Nothing was imported: 2 problems in products.csv');
    await browser.screenshot(page, 'admin-console-import-errors');
    expect((await stack.query(`query ($sku: String!) { productBySku(sku: $sku) { id } }`, { sku: `good-${tag}` })).data.productBySku).toBeNull();

    // Larger than the request body limit: refused with the limit, nothing written.
    const bigRows = Array.from({ length: 30_000 }, (_, i) => `big-${tag}-${i},Big row ${i} ${tag},1.00`);
    await page.getByLabel('Product file (CSV or JSON)').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(['sku,name,price', ...bigRows].join('\n')) });
    await page.getByRole('button', { name: 'Import' }).click();
    // Read (the gateway reads up to the largest limit an operation has), then refused: importProducts keeps the default.
    await page.getByText(/^big\.csv is too large for one request \(Request body is \d+ bytes, above the 1000000 this operation may send\)/).waitFor();
    expect((await stack.query(`query ($sku: String!) { productBySku(sku: $sku) { id } }`, { sku: `big-${tag}-0` })).data.productBySku).toBeNull();
  });

  it('manages categories and stores', async () => {
    await page.getByRole('link', { name: 'Categories' }).click();
    await page.getByLabel('Name').fill(`Breakfast ${tag}`);
    await page.getByRole('button', { name: 'Create category' }).click();
    await page.getByText(`Created Breakfast ${tag} (breakfast-${tag})`).waitFor();
    await page.getByRole('table', { name: 'Categories' }).getByText(`Breakfast ${tag}`).waitFor();

    await page.getByRole('link', { name: 'Stores' }).click();
    await page.getByLabel('Name').fill(`Harbour ${tag}`);
    await page.getByLabel('City').fill('Hamburg');
    await page.getByLabel('Latitude').fill('95');
    await page.getByLabel('Longitude').fill('9.99');
    await page.getByRole('button', { name: 'Create store' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('latitude');
    await page.getByLabel('Latitude').fill('53.54');
    await page.getByRole('button', { name: 'Create store' }).click();
    await page.getByRole('table', { name: 'Stores' }).getByText(`Harbour ${tag}`).waitFor();
    const stores = await stack.query(`{ allStores { name city latitude } }`);
    expect(stores.data.allStores).toContainEqual({ name: `Harbour ${tag}`, city: 'Hamburg', latitude: 53.54 });
  });

  it('creates an API key, shows its secret once, and revokes it', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill(`Shelf scanner ${tag}`);
    await page.getByRole('checkbox', { name: 'catalog-editor' }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByLabel('Secret of the new key').inputValue();
    expect(secret).toMatch(/^sck_/);
    await browser.screenshot(page, 'admin-console-key-created');
    const me = await stack.query(`{ currentApiKey { name roles } }`, {}, { 'x-api-key': secret });
    expect(me.data.currentApiKey).toEqual({ name: `Shelf scanner ${tag}`, roles: ['catalog-editor'] });
    // The listing never holds it.
    await expect(page.getByRole('table', { name: 'API keys' }).textContent()).resolves.not.toContain(secret);

    await page.getByRole('button', { name: `Revoke Shelf scanner ${tag}` }).click();
    await page.getByRole('button', { name: `Confirm revoking Shelf scanner ${tag}` }).click();
    await page.getByText(`Revoked Shelf scanner ${tag}`).waitFor();
    await eventually(async () => {
      const answer = await stack.query(`{ currentApiKey { id } }`, {}, { 'x-api-key': secret });
      return answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' ? true : undefined;
    }, 30_000, 'the revoked key refused');
    // The key of this session cannot be revoked from here.
    await page.getByRole('table', { name: 'API keys' }).getByText('live (this session)').waitFor();
  });

  it('shows the recommendation health', async () => {
    await page.getByRole('link', { name: 'Health' }).click();
    await page.getByRole('table', { name: 'Event consumers' }).waitFor();
    const facts = await page.locator('dl.facts').textContent();
    for (const label of ['Saved model age', 'Basket model age', 'Interactions learned', 'Dead letters']) expect(facts).toContain(label);
    expect(facts).toContain('ready');
    await expect(page.getByRole('table', { name: 'Event consumers' }).textContent()).resolves.toContain('recs-store-interactions');
    await browser.screenshot(page, 'admin-console-health');
  });

  it('loaded nothing from another origin', () => {
    expect(external).toEqual([]);
  });
});

describe('admin console on a phone', () => {
  it('signs in with a catalog-editor key and fits the screen', async () => {
    const editorKey = (await createApiKey(stack.services.users!.db!.prisma, `Merchandiser ${tag}`, ['catalog-editor'])).key;
    const { page } = await browser.newPage({ phone: true });
    const external = recordExternalRequests(page, origin);
    await signIn(page, editorKey);
    await page.getByText(`Merchandiser ${tag} (catalog-editor)`).waitFor();
    await page.getByRole('table', { name: 'Products' }).waitFor();
    // What the role does not permit is not offered (the API would refuse it anyway).
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Products', 'Categories', 'Stores', 'Health']);
    await page.getByRole('link', { name: 'Stores' }).click();
    await page.getByRole('button', { name: `Edit Harbour ${tag}` }).waitFor();
    // Deleting is the admin's (catalog:delete).
    expect(await page.getByRole('button', { name: `Delete Harbour ${tag}` }).count()).toBe(0);
    await page.getByRole('link', { name: 'Products' }).click();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await browser.screenshot(page, 'admin-console-phone');
    // Signing out forgets the key.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(external).toEqual([]);
  });
});
