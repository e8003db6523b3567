import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript, startApi, type StartedApi } from '../support/embeddedProcess';
import { waitFor } from '../support/freePort';
import { postGraphQL } from '../support/stack';

// The CLI commands beside a real embedded `npm start` (one child process for
// the whole file): each hands its work to the running API, which sees the
// effect without a restart; a second `npm start` is refused.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-cli-'));
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-cli-files-'));
let api: StartedApi;
let adminKey: string;

beforeAll(async () => {
  api = await startApi(dataDir, { SEED_DEMO_DATA: 'false' });
}, 240_000);

afterAll(async () => {
  if (api) expect(await api.stop()).toBe(0);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(files, { recursive: true, force: true });
}, 60_000);

const query = (text: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => postGraphQL(api.url, text, variables, headers);

it('refuses a second npm start on the same data directory, naming the process that has it', async () => {
  const second = await startApi(dataDir).then(
    () => 'started',
    (error: Error) => error.message,
  );
  expect(second).toMatch(/exited with 1/);
  expect(second).toMatch(new RegExp(`in use by process ${api.process.pid} \\(npm start`));
  // The first one is unharmed.
  expect((await query('{ categories { id } }')).errors).toBeUndefined();
}, 240_000);

it('apikey:create beside the API: the new key works on the next request', async () => {
  const run = await runScript('apikey-create', ['cli-test', 'admin'], dataDir);
  expect(run.stderr).toMatch(/ran inside the running API/);
  expect(run.code).toBe(0);
  adminKey = /^(sck_\S+)$/m.exec(run.stdout)![1]!;
  const created = await query('mutation { createCategory(input: { name: "Handed over", slug: "handed-over" }) { slug } }', undefined, { 'x-api-key': adminKey });
  expect(created.errors).toBeUndefined();
  expect(created.data.createCategory.slug).toBe('handed-over');
}, 240_000);

it('apikey create, list, rotate and revoke beside the API: a rotated or revoked key is refused on the next request', async () => {
  const write = 'mutation ($slug: String!) { createCategory(input: { name: $slug, slug: $slug }) { slug } }';
  const created = await runScript('apikey', ['create', 'cli-editor', 'catalog-editor'], dataDir);
  expect(created.stderr).toMatch(/ran inside the running API/);
  expect(created.code).toBe(0);
  const id = /API key ([0-9a-f-]{36})\./.exec(created.stdout)![1]!;
  const first = /^(sck_\S+)$/m.exec(created.stdout)![1]!;
  expect((await query(write, { slug: 'by-editor' }, { 'x-api-key': first })).errors).toBeUndefined();

  const listed = await runScript('apikey', ['list'], dataDir);
  expect(listed.code).toBe(0);
  expect(listed.stdout).toMatch(new RegExp(`${id}  \\S+…  cli-editor  \\[catalog-editor\\]  live  last used `));

  const rotated = await runScript('apikey', ['rotate', id], dataDir);
  expect(rotated.code).toBe(0);
  const rotatedId = /into API key ([0-9a-f-]{36})\./.exec(rotated.stdout)![1]!;
  const second = /^(sck_\S+)$/m.exec(rotated.stdout)![1]!;
  const old = await query(write, { slug: 'by-old-secret' }, { 'x-api-key': first });
  expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect((await query(write, { slug: 'by-new-secret' }, { 'x-api-key': second })).errors).toBeUndefined();

  const revoked = await runScript('apikey', ['revoke', rotatedId], dataDir);
  expect(revoked.code).toBe(0);
  expect(revoked.stdout).toMatch(/Services refuse it now/);
  const refused = await query(write, { slug: 'after-revoke' }, { 'x-api-key': second });
  expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  const unknown = await runScript('apikey', ['revoke', rotatedId], dataDir);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/no live API key with id/);
}, 240_000);

it('sessions:purge beside the API runs inside it', async () => {
  const run = await runScript('sessions-purge', [], dataDir);
  expect(run.stderr).toMatch(/ran inside the running API/);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Purged \d+ anonymous shopper\(s\) not seen for \d+ day\(s\)/m);
}, 240_000);

it('a baskets import beside the API reaches frequentlyBoughtTogether and Cart.suggestions without a restart', async () => {
  const lines = [...Array(30).fill('cli alpha,cli beta'), ...Array(30).fill('cli gamma,cli delta'), ...Array(5).fill('cli alpha,cli beta,cli gamma')];
  const file = path.join(files, 'baskets.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const run = await runScript('import', [file], dataDir);
  expect(run.stderr).toMatch(/ran inside the running API/);
  expect(run.stdout).toMatch(/Products: 4 created/);
  expect(run.stdout).toMatch(/65 handed over; 65 shoppers, 65 orders, 135 purchase events created/);

  const alpha = (await query('{ productBySku(sku: "groceries-cli-alpha") { id } }')).data.productBySku.id as string;
  const beta = (await query('{ productBySku(sku: "groceries-cli-beta") { id } }')).data.productBySku.id as string;
  await waitFor(
    async () => {
      const fbt = await query('query ($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 3) { items { product { id } } } } }', { id: alpha });
      return fbt.data?.product.frequentlyBoughtTogether.items[0]?.product.id === beta;
    },
    30_000,
    'frequentlyBoughtTogether(cli alpha) to lead with cli beta',
  );
  const token = (await query('mutation { startSession { token } }')).data.startSession.token as string;
  const shopper = { 'x-session-token': token };
  expect((await query('mutation ($id: ID!) { addToCart(productId: $id) { version } }', { id: alpha }, shopper)).errors).toBeUndefined();
  await waitFor(
    async () => {
      const cart = await query('{ me { cart { suggestions(first: 3) { items { product { id } } } } } }', undefined, shopper);
      return cart.data?.me.cart.suggestions.items[0]?.product.id === beta;
    },
    30_000,
    'Cart.suggestions of a cart with cli alpha to lead with cli beta',
  );

  // The same file again: the same products and baskets, nothing created twice.
  const again = await runScript('import', [file], dataDir);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/Products: 0 created, 0 updated, 4 unchanged/);
  expect(again.stdout).toMatch(/0 shoppers, 0 orders, 0 purchase events created/);
}, 240_000);

it('an order-history import beside the API: real customers, every bad row reported with nothing written, then once only, and the recommender learns it', async () => {
  const admin = { 'x-api-key': adminKey };
  const ids: Record<string, string> = {};
  for (const sku of ['cli-omega', 'cli-sigma', 'cli-tau']) {
    const created = await query('mutation ($sku: String!) { createProduct(input: { sku: $sku, name: $sku, price: "2.00", stockQuantity: 100 }) { id } }', { sku }, admin);
    expect(created.errors).toBeUndefined();
    ids[sku] = created.data.createProduct.id;
  }
  const header = 'orderId,customerId,sku,quantity,orderedAt,unitPrice';
  const good: string[] = [];
  for (let i = 0; i < 20; i++) {
    const at = new Date(Date.UTC(2024, 0, 1 + i, 12)).toISOString();
    good.push(`ord-${i},cust-${i % 4},cli-omega,1,${at},1.80`, `ord-${i},cust-${i % 4},cli-sigma,2,${at},`);
  }
  for (let i = 20; i < 24; i++) good.push(`ord-${i},cust-9,cli-tau,1,2024-02-01T08:00:00Z,`);

  // One bad batch: every problem is named, and not even the good rows are written.
  const badFile = path.join(files, 'orders-bad.csv');
  fs.writeFileSync(badFile, [header, ...good, 'ord-90,cust-1,cli-unknown,1,2024-02-01T08:00:00Z,', 'ord-91,cust-1,cli-omega,-1,2024-02-01T08:00:00Z,'].join('\n'));
  const bad = await runScript('import', [badFile], dataDir);
  expect(bad.code).toBe(1);
  expect(bad.stdout).toMatch(/Nothing imported: 2 problem\(s\)/);
  expect(bad.stdout).toContain(`line ${good.length + 2}  sku: cli-unknown is not a product of the catalog`);
  expect(bad.stdout).toContain(`line ${good.length + 3}  quantity: must be a whole number from 1 to 100000`);

  const file = path.join(files, 'orders.csv');
  fs.writeFileSync(file, [header, ...good].join('\n'));
  const run = await runScript('import', [file], dataDir);
  expect(run.stderr).toMatch(/ran inside the running API/);
  expect(run.stdout).toMatch(/Format: orders/);
  expect(run.stdout).toMatch(/44 lines read; 24 orders created, 0 already imported; 5 new customers, 44 purchase events created/);
  const again = await runScript('import', [file], dataDir);
  expect(again.stdout).toMatch(/44 lines read; 0 orders created, 24 already imported; 0 new customers, 0 purchase events created/);

  await waitFor(
    async () => {
      const fbt = await query('query ($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 3) { items { product { id } } } } }', { id: ids['cli-omega'] });
      return fbt.data?.product.frequentlyBoughtTogether.items[0]?.product.id === ids['cli-sigma'];
    },
    30_000,
    'frequentlyBoughtTogether(cli-omega) to lead with cli-sigma',
  );
  const token = (await query('mutation { startSession { token } }')).data.startSession.token as string;
  const shopper = { 'x-session-token': token };
  expect((await query('mutation ($id: ID!) { addToCart(productId: $id) { version } }', { id: ids['cli-omega'] }, shopper)).errors).toBeUndefined();
  await waitFor(
    async () => {
      const cart = await query('{ me { cart { suggestions(first: 3) { items { product { id } } } } } }', undefined, shopper);
      return cart.data?.me.cart.suggestions.items[0]?.product.id === ids['cli-sigma'];
    },
    30_000,
    'Cart.suggestions of a cart with cli-omega to lead with cli-sigma',
  );
}, 240_000);

it('recs:train beside the API rebuilds the engine that serves', async () => {
  const run = await runScript('recs-train', [], dataDir);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/the running recommender serves it now/);
  // The imported purchases and the cart additions above, all stored by the running API.
  expect(Number(/Rebuilt from (\d+) interactions/.exec(run.stdout)![1])).toBeGreaterThanOrEqual(136 + 44 + 1);
}, 240_000);

it('events beside the API: the running consumers’ groups with lag and pending, their dead letters, a redrive', async () => {
  const groups = await runScript('events', ['groups'], dataDir);
  expect(groups.stderr).toMatch(/ran inside the running API/);
  expect(groups.code).toBe(0);
  for (const group of ['users-carts', 'recs-store-catalog', 'recs-store-interactions', 'gateway-subscriptions']) {
    expect(groups.stdout).toMatch(new RegExp(`^ {2}${group}: lag \\d+, pending \\d+, last delivered \\d+-\\d+; members: `, 'm'));
  }

  const dead = await runScript('events', ['dead-letters'], dataDir);
  expect(dead.code).toBe(0);
  expect(dead.stdout).toMatch(/^catalog: 0 dead letters$/m);
  expect(dead.stdout).toMatch(/^carts: 0 dead letters$/m);

  const redrive = await runScript('events', ['redrive', 'catalog', '--all'], dataDir);
  expect(redrive.code).toBe(0);
  expect(redrive.stdout).toBe('Redrove 0 dead letters to catalog.\n');
  const usage = await runScript('events', ['redrive'], dataDir);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/usage: npm run events/);
}, 240_000);
