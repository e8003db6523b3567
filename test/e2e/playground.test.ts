import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { PLAYGROUND_CSP } from '../../gateway/http/playgroundPage';
import { launchBrowser, recordExternalRequests, type TestBrowser } from '../support/browser';
import { createCatalogProducts } from '../support/catalogProducts';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

// The GraphiQL playground the gateway serves to browsers at its API URL, in
// headless Chromium: it loads nothing from elsewhere, runs a query, and runs a
// subscription that shows a cart change made by another client.

let stack: Stack;
let browser: TestBrowser;
let origin: string;
const tag = crypto.randomBytes(3).toString('hex');
const productName = `Playground milk ${tag}`;
let productId: string;

beforeAll(async () => {
  stack = await startStack({}, { subscriptions: true });
  origin = new URL(stack.gatewayUrl).origin;
  [productId] = (await createCatalogProducts(stack, [{ sku: `PLAY-${tag}`, name: productName, price: '1.25', stockQuantity: 40 }])) as [string];
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The response pane's text, its white space (Monaco's non-breaking spaces, wrapped lines) collapsed. */
async function responseText(page: Page): Promise<string> {
  return ((await page.locator('.graphiql-response').innerText()) ?? '').replace(/[\s\u00a0]+/g, ' ');
}

/** Waits until the response pane shows `expected`. */
async function untilResponseShows(page: Page, expected: string, what: string): Promise<string> {
  return eventually(async () => {
    const text = await responseText(page);
    return text.includes(expected) ? text : undefined;
  }, 60_000, what);
}

async function openTab(page: Page, title: string): Promise<void> {
  await page.locator('.graphiql-tab', { hasText: title }).first().click();
}

/** Runs the active tab's operation, or the named one of several: the run button, then its name in the menu. */
async function run(page: Page, operationName?: string): Promise<void> {
  if (!operationName) {
    await page.locator('.graphiql-execute-button').click();
    return;
  }
  // The button becomes a menu of the tab's operations once GraphiQL has parsed them.
  await page.locator('.graphiql-execute-button[aria-haspopup="menu"]').click({ timeout: 60_000 });
  await page.getByRole('menuitem', { name: operationName, exact: true }).click();
}

/** The headers editor's text without any white space (Monaco may wrap a long token). */
async function headersText(page: Page): Promise<string> {
  return ((await page.locator('.graphiql-editor-tool').innerText()) ?? '').replace(/[\s\u00a0]+/g, '');
}

describe('the playground', () => {
  it('answers a browser at the API URL with the bundled page, own origin only', async () => {
    const response = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
    const html = await response.text();
    expect(html).toContain('/playground/assets/');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const script = html.match(/src="(\/playground\/assets\/[^"]+\.js)"/)![1]!;
    const asset = await fetch(new URL(script, origin));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    // API clients still get GraphQL on the same URL.
    const api = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('runs a query and a live subscription without loading anything from elsewhere', async () => {
    const { context, page } = await browser.newPage();
    const external = recordExternalRequests(page, origin);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    // Errors the page logs: a request its policy blocked, a worker that failed to load, an exception.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(stack.gatewayUrl);
      await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
      // The example tabs the playground opens with.
      for (const title of ['Search', 'ProductPage', 'StartSession', 'FreeText']) await page.locator('.graphiql-tab', { hasText: title }).first().waitFor();
      // Monaco's workers (editor, GraphQL language) are served by the gateway itself.
      await eventually(() => (workers.some((url) => url.includes('graphql.worker')) ? true : undefined), 60_000, 'the GraphQL language worker');
      await browser.screenshot(page, 'playground-opened');

      // A query: the Search tab (text "milk") finds the product created above.
      await openTab(page, 'Search');
      await run(page);
      await untilResponseShows(page, productName, 'the search result');
      await browser.screenshot(page, 'playground-query');

      // The docs explorer, from the gateway's introspection: the root types and the subscription.
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      const docs = page.locator('.graphiql-doc-explorer');
      for (const root of ['Query', 'Mutation', 'Subscription']) await docs.getByText(root, { exact: true }).first().waitFor({ timeout: 60_000 });
      await docs.getByText('Subscription', { exact: true }).first().click();
      await docs.getByText('cartSuggestions').first().waitFor({ timeout: 60_000 });
      await browser.screenshot(page, 'playground-docs');
      // Closed again: the response pane gets its width back (long tokens stay on one line).
      await page.getByRole('button', { name: 'Hide Documentation Explorer' }).click();

      // A subscription without a session is explained rather than refused by a closed socket.
      await openTab(page, 'StartSession');
      await run(page, 'CartSuggestions');
      await untilResponseShows(page, 'Subscriptions need a session', 'the missing-session message');

      // A session, then its cart's live suggestions over graphql-ws.
      await run(page, 'StartSession');
      const started = await untilResponseShows(page, '"token"', 'the startSession result');
      const token = started.match(/"token":\s*"([^"]+)"/)![1]!;
      // The playground puts the new session's token into the headers editor by itself;
      // from there it reaches the socket's connection_init.
      await eventually(async () => ((await headersText(page)).includes(`"x-session-token":"${token}"`) ? true : undefined), 60_000, 'the token in the headers editor');
      await run(page, 'CartSuggestions');
      await untilResponseShows(page, '"itemCount": 0', 'the subscription\'s first payload (the empty cart)');

      // Another client (the app) changes the cart over HTTP: the open subscription shows it.
      const added = await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 2) { itemCount } }`, { id: productId }, { 'x-session-token': token });
      expect(added.errors).toBeUndefined();
      const updated = await untilResponseShows(page, '"itemCount": 2', 'the subscription payload after addToCart');
      expect(updated).toContain('"quantity": 2');
      await browser.screenshot(page, 'playground-subscription');

      expect(external).toEqual([]);
      expect(failed).toEqual([]);
      expect(sockets.length).toBeGreaterThan(0);
      for (const socket of sockets) expect(socket).toBe(stack.gatewayUrl.replace(/^http/, 'ws'));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
