import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import { eventually } from '../support/eventually';
import { scrape } from '../support/scrape';
import { startStack, type Stack } from '../support/stack';

// An online experiment through the gateway: an admin defines it, shoppers
// are served their variant's lists with tagged ids, clicks, adds to cart and
// purchases carrying those ids are attributed, and the report (GraphQL and
// /metrics) shows each variant's figures. FREQUENTLY_BOUGHT_TOGETHER is the
// placement because no other test file asks it with a session (in the
// services run every file shares one database, and so its experiments).

let stack: Stack;
let admin: Record<string, string>;
let editor: Record<string, string>;
let aisle: string;
const tag = crypto.randomBytes(3).toString('hex');
const p: Record<string, { id: string; price: string }> = {};

async function product(key: string, price: string): Promise<void> {
  const response = await stack.query(
    `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id price } }`,
    { input: { sku: `exp-${tag}-${key}`, name: `${key} ${tag}`, price, stockQuantity: 500, categoryId: aisle } },
    admin,
  );
  expect(response.errors).toBeUndefined();
  p[key] = response.data.createProduct;
}

async function session(): Promise<Record<string, string>> {
  const response = await stack.query(`mutation { startSession { token } }`);
  return { 'x-session-token': response.data.startSession.token };
}

const FBT = `query ($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 3) { items { product { id } recommendationId } } } }`;

async function served(shopper: Record<string, string>): Promise<{ product: { id: string }; recommendationId: string }[]> {
  const response = await stack.query(FBT, { id: p.pasta!.id }, shopper);
  expect(response.errors).toBeUndefined();
  return response.data.product.frequentlyBoughtTogether.items;
}

const CREATE = `mutation ($input: CreateExperimentInput!) { createExperiment(input: $input) {
  id ref name placement status alpha variants { key weight share strategy maxCategoryShare pairShrinkage filter { maxPrice } } } }`;

const REPORT = `query ($id: ID!) { experiment(id: $id) { status report { confidence alpha attributionWindowHours
  variants { key impressions shoppers revenue
    clickThroughRate { successes trials rate low high } addToCartRate { successes trials rate low high }
    conversionRate { successes trials rate low high } revenuePerImpression { mean low high } }
  comparisons { metric control treatment difference zScore pValue alpha significant summary } } } }`;

beforeAll(async () => {
  stack = await startStack();
  const prisma = stack.services.products!.db!.prisma;
  admin = { 'x-api-key': (await createApiKey(prisma, `experiments admin ${tag}`, ['admin'])).key };
  editor = { 'x-api-key': (await createApiKey(prisma, `experiments editor ${tag}`, ['catalog-editor'])).key };
  const category = await stack.query(`mutation ($name: String!) { createCategory(input: { name: $name }) { id } }`, { name: `Experiments aisle ${tag}` }, admin);
  aisle = category.data.createCategory.id;
  await product('pasta', '1.20');
  await product('sauce', '2.50');
  await product('cheese', '4.00');
  await eventually(async () => {
    const r = await stack.query(`query ($aisle: ID!) { popular(category: $aisle, first: 10) { items { product { id } } } }`, { aisle });
    return r.data?.popular.items.length === 3 || undefined;
  }, 20_000, 'catalog projection');
  // Pasta is bought with sauce: frequently bought together has something to say.
  for (let i = 0; i < 3; i++) {
    const shopper = await session();
    for (const key of ['pasta', 'sauce']) await stack.query(`mutation ($id: ID!) { addToCart(productId: $id) { version } }`, { id: p[key]!.id }, shopper);
    expect((await stack.query(`mutation { checkout { id } }`, undefined, shopper)).errors).toBeUndefined();
  }
});

afterAll(async () => {
  await stack?.stop();
});

describe('defining an experiment', () => {
  const input = () => ({
    name: `FBT vs popular ${tag}`,
    placement: 'FREQUENTLY_BOUGHT_TOGETHER',
    variants: [
      { key: 'control', weight: 1 },
      { key: 'popular', weight: 1, strategy: 'POPULAR', maxCategoryShare: 1, filter: { maxPrice: '10.00' } },
    ],
  });

  it('needs an API key with experiments:write', async () => {
    const anonymous = await stack.query(CREATE, { input: input() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await stack.query(CREATE, { input: input() }, editor);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reading = await stack.query(`{ experiments { id } }`);
    expect(reading.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses bad definitions, naming the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...input(), variants: [{ key: 'only', weight: 1 }] }, 'input.variants', /2–5 variants/],
      [{ ...input(), variants: [{ key: 'a', weight: 1 }, { key: 'a', weight: 1 }] }, 'input.variants.1.key', /distinct/],
      [{ ...input(), variants: [{ key: 'a', weight: 1 }, { key: 'B C', weight: 1 }] }, 'input.variants.1.key', /a–z/],
      [{ ...input(), variants: [{ key: 'a', weight: 0 }, { key: 'b', weight: 1 }] }, 'input.variants.0.weight', /between 1 and 100/],
      [{ ...input(), placement: 'POPULAR', variants: [{ key: 'a', weight: 1 }, { key: 'b', weight: 1, strategy: 'CART_COMPLETION' }] }, 'input.variants.1.strategy', /needs products/],
      [{ ...input(), variants: [{ key: 'a', weight: 1 }, { key: 'b', weight: 1, filter: { minSustainabilityScore: 150 } }] }, 'input.variants.1.filter.minSustainabilityScore', /between 0 and 100/],
      [{ ...input(), alpha: 0.5 }, 'input.alpha', /at most 0.2/],
    ];
    for (const [bad, field, reason] of cases) {
      const response = await stack.query(CREATE, { input: bad }, admin);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0]?.extensions?.reason).toMatch(reason);
    }
    const listed = await stack.query(`{ experiments { name } }`, undefined, editor);
    expect(listed.data.experiments.filter((e: { name: string }) => e.name.endsWith(tag))).toEqual([]);
  });
});

describe('a running experiment', () => {
  let experiment: { id: string; ref: string };
  /** Shoppers by the variant they were served. */
  const shoppers: Record<string, Record<string, string>[]> = { control: [], popular: [] };

  beforeAll(async () => {
    const created = await stack.query(
      CREATE,
      {
        input: {
          name: `FBT vs popular ${tag}`,
          placement: 'FREQUENTLY_BOUGHT_TOGETHER',
          alpha: 0.05,
          variants: [
            { key: 'control', weight: 1 },
            { key: 'popular', weight: 1, strategy: 'POPULAR', maxCategoryShare: 1, filter: { maxPrice: '10.00' } },
          ],
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    experiment = created.data.createExperiment;
    expect(created.data.createExperiment).toMatchObject({
      status: 'RUNNING',
      alpha: 0.05,
      placement: 'FREQUENTLY_BOUGHT_TOGETHER',
      variants: [
        { key: 'control', weight: 1, share: 0.5, strategy: 'DEFAULT', maxCategoryShare: null, pairShrinkage: null, filter: null },
        { key: 'popular', weight: 1, share: 0.5, strategy: 'POPULAR', maxCategoryShare: 1, filter: { maxPrice: '10.00' } },
      ],
    });
    expect(experiment.ref).toMatch(/^[a-z0-9]{10}$/);
    // New shoppers until both variants have three (assignment is a hash of the shopper id).
    for (let i = 0; i < 60 && (shoppers.control!.length < 3 || shoppers.popular!.length < 3); i++) {
      const shopper = await session();
      const items = await served(shopper);
      expect(items.length).toBeGreaterThan(0);
      const variant = items[0]!.recommendationId.split('.')[2]!;
      shoppers[variant]!.push(shopper);
    }
    expect(shoppers.control!.length).toBeGreaterThanOrEqual(3);
    expect(shoppers.popular!.length).toBeGreaterThanOrEqual(3);
  });

  it('tags every served id with experiment and variant, the same variant for a shopper every time', async () => {
    for (const [variant, list] of Object.entries(shoppers)) {
      for (const shopper of list) {
        const items = await served(shopper);
        for (const item of items) expect(item.recommendationId).toMatch(new RegExp(`^x\\.${experiment.ref}\\.${variant}\\.[A-Z]+\\.[A-Za-z0-9_-]{16}$`));
      }
    }
    // The control serves the placement's own list: sauce first, as outside the experiment.
    expect((await served(shoppers.control![0]!))[0]!.product.id).toBe(p.sauce!.id);
    // Without a session the placement serves as before, untagged.
    const anonymous = await stack.query(FBT, { id: p.pasta!.id });
    for (const item of anonymous.data.product.frequentlyBoughtTogether.items) expect(item.recommendationId).not.toMatch(/^x\./);
  });

  it('refuses a second running experiment on the same placement', async () => {
    const second = await stack.query(CREATE, { input: { name: `second ${tag}`, placement: 'FREQUENTLY_BOUGHT_TOGETHER', variants: [{ key: 'a', weight: 1 }, { key: 'b', weight: 1 }] } }, admin);
    expect(second.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(second.errors?.[0]?.message).toMatch(/already running/);
  });

  it('attributes clicks, adds to cart and purchases to the variant that served them, and reports them', async () => {
    // Control: two of its shoppers click the first item; one of them buys 2 at checkout.
    const [c1, c2] = shoppers.control!;
    const [t1] = shoppers.popular!;
    const first = async (shopper: Record<string, string>) => (await served(shopper))[0]!;
    const track = (shopper: Record<string, string>, productId: string, recommendationId: string) =>
      stack.query(`mutation ($p: ID!, $r: String) { trackEvent(input: { type: CLICK, productId: $p, recommendationId: $r }) { id } }`, { p: productId, r: recommendationId }, shopper);
    const c1Item = await first(c1!);
    expect((await track(c1!, c1Item.product.id, c1Item.recommendationId)).errors).toBeUndefined();
    const c2Item = await first(c2!);
    expect((await track(c2!, c2Item.product.id, c2Item.recommendationId)).errors).toBeUndefined();
    const added = await stack.query(
      `mutation ($p: ID!, $r: String) { addToCart(productId: $p, quantity: 2, recommendationId: $r) { version } }`,
      { p: c1Item.product.id, r: c1Item.recommendationId },
      c1,
    );
    expect(added.errors).toBeUndefined();
    expect((await stack.query(`mutation { checkout { id total } }`, undefined, c1)).errors).toBeUndefined();
    const price = Object.values(p).find((x) => x.id === c1Item.product.id)!.price;
    // Treatment: one shopper clicks; a forged id (unknown variant) and an id clicked by a shopper never served it count nothing.
    const t1Item = await first(t1!);
    expect((await track(t1!, t1Item.product.id, t1Item.recommendationId)).errors).toBeUndefined();
    await track(t1!, t1Item.product.id, `x.${experiment.ref}.nosuch.POP.abcdefghijklmnop`);
    const stranger = await session();
    await track(stranger, t1Item.product.id, t1Item.recommendationId);

    const report = await eventually(async () => {
      const response = await stack.query(REPORT, { id: experiment.id }, editor);
      expect(response.errors).toBeUndefined();
      const r = response.data.experiment.report;
      const control = r.variants.find((v: { key: string }) => v.key === 'control');
      return control.conversionRate.successes === 1 && r.variants[1].clickThroughRate.successes === 1 ? r : undefined;
    }, 30_000, 'outcomes in the report');

    const [control, treatment] = report.variants;
    expect(report).toMatchObject({ confidence: 0.95, alpha: 0.05, attributionWindowHours: 24 });
    // Every served list is an impression: the discovery loop, the checks above and this test's first() calls.
    expect(control.key).toBe('control');
    expect(control.shoppers).toBe(shoppers.control!.length);
    expect(treatment.shoppers).toBe(shoppers.popular!.length);
    expect(control.impressions).toBe(shoppers.control!.length * 2 + 1 + 2);
    expect(treatment.impressions).toBe(shoppers.popular!.length * 2 + 1);
    expect(control.clickThroughRate).toMatchObject({ successes: 2, trials: control.impressions });
    expect(control.addToCartRate.successes).toBe(1);
    expect(control.conversionRate.successes).toBe(1);
    expect(control.revenue).toBeCloseTo(2 * Number(price), 2);
    expect(control.revenuePerImpression.mean).toBeCloseTo((2 * Number(price)) / control.impressions, 6);
    expect(treatment.clickThroughRate.successes).toBe(1);
    expect(treatment.revenue).toBe(0);
    for (const variant of report.variants) {
      for (const rate of [variant.clickThroughRate, variant.addToCartRate, variant.conversionRate]) {
        expect(rate.low).toBeLessThanOrEqual(rate.rate);
        expect(rate.high).toBeGreaterThanOrEqual(rate.rate);
        expect(rate.low).toBeGreaterThanOrEqual(0);
        expect(rate.high).toBeLessThanOrEqual(1);
      }
    }
    expect(report.comparisons.map((c: { metric: string }) => c.metric)).toEqual(['CLICK_THROUGH_RATE', 'ADD_TO_CART_RATE', 'CONVERSION_RATE', 'REVENUE_PER_IMPRESSION']);
    const ctr = report.comparisons[0];
    expect(ctr).toMatchObject({ control: 'control', treatment: 'popular', alpha: 0.05, significant: false });
    expect(ctr.summary).toMatch(/^click-through rate: popular \d+\.\d\d% vs control \d+\.\d\d%/);

    // The same figures on the recommendations subgraph's /metrics.
    const metrics = await scrape(stack.services.recommendations!.service.metricsUrl);
    expect(metrics.sum('smartcart_recs_experiment_impressions', { experiment: experiment.ref, variant: 'control' })).toBe(control.impressions);
    expect(metrics.sum('smartcart_recs_experiment_rate', { experiment: experiment.ref, variant: 'control', metric: 'ctr', bound: 'estimate' })).toBeCloseTo(control.clickThroughRate.rate, 9);
    expect(metrics.sum('smartcart_recs_experiment_rate', { experiment: experiment.ref, variant: 'control', metric: 'ctr', bound: 'high' })).toBeCloseTo(control.clickThroughRate.high, 9);
    expect(metrics.find('smartcart_recs_experiment_significant', { experiment: experiment.ref, variant: 'popular', metric: 'click_through_rate' })).toHaveLength(1);
    expect(metrics.sum('smartcart_recs_experiment_outcomes_total', { type: 'PURCHASE' })).toBeGreaterThanOrEqual(1);
  });

  it('serves as before once stopped, and keeps the report', async () => {
    const stopped = await stack.query(`mutation ($id: ID!) { stopExperiment(id: $id) { status stoppedAt } }`, { id: experiment.id }, admin);
    expect(stopped.errors).toBeUndefined();
    expect(stopped.data.stopExperiment.status).toBe('STOPPED');
    for (const item of await served(shoppers.popular![0]!)) expect(item.recommendationId).not.toMatch(/^x\./);
    const again = await stack.query(`mutation ($id: ID!) { startExperiment(id: $id) { status } }`, { id: experiment.id }, admin);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const report = await stack.query(REPORT, { id: experiment.id }, editor);
    expect(report.data.experiment.status).toBe('STOPPED');
    expect(report.data.experiment.report.variants[0].conversionRate.successes).toBe(1);
    const listed = await stack.query(`{ experiments(status: STOPPED) { id } }`, undefined, editor);
    expect(listed.data.experiments.map((e: { id: string }) => e.id)).toContain(experiment.id);
  });
});
