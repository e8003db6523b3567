import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript, startApi, type StartedApi } from '../support/embeddedProcess';
import { waitFor } from '../support/freePort';
import { postGraphQL } from '../support/stack';

// `npm run import` of a baskets file with no API running (the CLI opens the
// embedded database itself), then `npm start`: the purchase events the import
// left in the outbox are delivered by the API's relay, so the recommender
// learns the imported baskets without anything else being run.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-import-first-'));
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-import-first-files-'));
let api: StartedApi | undefined;

afterAll(async () => {
  if (api) expect(await api.stop()).toBe(0);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(files, { recursive: true, force: true });
}, 60_000);

it('delivers what an import wrote while no API ran once npm start runs: frequentlyBoughtTogether and Cart.suggestions reflect it', async () => {
  const lines = [...Array(30).fill('solo alpha,solo beta'), ...Array(30).fill('solo gamma,solo delta'), ...Array(5).fill('solo alpha,solo beta,solo gamma')];
  const file = path.join(files, 'baskets.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const run = await runScript('import', [file], dataDir, { SEED_DEMO_DATA: 'false' });
  expect(run.code).toBe(0);
  expect(run.stderr).not.toMatch(/ran inside the running API/);
  expect(run.stdout).toMatch(/65 handed over; 65 shoppers, 65 orders, 135 purchase events created/);

  api = await startApi(dataDir, { SEED_DEMO_DATA: 'false' });
  const query = (text: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => postGraphQL(api!.url, text, variables, headers);
  const alpha = (await query('{ productBySku(sku: "groceries-solo-alpha") { id } }')).data.productBySku.id as string;
  const beta = (await query('{ productBySku(sku: "groceries-solo-beta") { id } }')).data.productBySku.id as string;
  await waitFor(
    async () => {
      const fbt = await query('query ($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 3) { items { product { id } } } } }', { id: alpha });
      return fbt.data?.product.frequentlyBoughtTogether.items[0]?.product.id === beta;
    },
    60_000,
    'frequentlyBoughtTogether(solo alpha) to lead with solo beta',
  );
  const token = (await query('mutation { startSession { token } }')).data.startSession.token as string;
  const shopper = { 'x-session-token': token };
  expect((await query('mutation ($id: ID!) { addToCart(productId: $id) { version } }', { id: alpha }, shopper)).errors).toBeUndefined();
  await waitFor(
    async () => {
      const cart = await query('{ me { cart { suggestions(first: 3) { items { product { id } } } } } }', undefined, shopper);
      return cart.data?.me.cart.suggestions.items[0]?.product.id === beta;
    },
    60_000,
    'Cart.suggestions of a cart with solo alpha to lead with solo beta',
  );
}, 400_000);
