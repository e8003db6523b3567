import { seedDemoDataIfEmpty } from '../../scripts/demoData';
import { eventually } from '../support/eventually';
import { freshDatabase, type FreshDatabase } from '../support/freshDatabase';
import { listPng, noisyJpeg, SHOPPING_LIST } from '../support/listImages';
import { startStack, type Stack } from '../support/stack';

// A shopper photographs a shopping list: through the gateway, on the demo catalog, the photo
// (no barcode in it) is read line by line, each line understood as free text and matched by
// the list matcher fillCartFromList uses.

let stack: Stack;
/** The demo needs an empty shop: against PostgreSQL, a database of this file's own. */
let database: FreshDatabase | undefined;

const RECOMMEND = `query ($image: PhotoInput!) {
  recommend(context: { image: $image }, first: 10) {
    items { product { id name } }
    servedBy
    emptyReason
    intent { text confidence image { kind code product { id } lines {
      text read confidence product { id name }
      intent { items { productTerms quantity { amount unit } } dietaryTags }
    } } }
  }
}`;

/** The demo product each line of SHOPPING_LIST asks for. */
const EXPECTED = ['Semi-skimmed milk 1 L', 'Greek yogurt 500 g', 'Rye bread 500 g', 'Sweet potatoes 1 kg', 'Peanut butter 350 g'];

const asImage = (bytes: Buffer, contentType: string) => ({ base64: bytes.toString('base64'), contentType });

beforeAll(async () => {
  database = await freshDatabase('smartcart_list_photo');
  stack = await startStack(database.env);
  await seedDemoDataIfEmpty(stack.infra, { population: false });
  // The engine learns the catalog from its events.
  await eventually(async () => {
    const response = await stack.query(`{ recommend(context: { text: "basmati rice" }, first: 1) { items { product { name } } } }`);
    return response.data?.recommend?.items?.length > 0 ? true : undefined;
  }, 60_000, 'demo catalog in the engine');
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

async function recommendFromPhoto(bytes: Buffer, contentType: string): Promise<any> {
  const response = await stack.query(RECOMMEND, { image: asImage(bytes, contentType) });
  expect(response.errors).toBeUndefined();
  return response.data.recommend;
}

function matchedNames(list: any): (string | null)[] {
  return list.intent.image.lines.map((line: any) => line.product?.name ?? null);
}

describe('recommend(context: { image }) with a shopping list', () => {
  it('reads a list photo, parses each line and matches at least 4 of 5 lines to the expected demo products', async () => {
    const list = await recommendFromPhoto(await listPng(), 'image/png');
    const image = list.intent.image;
    expect(image).toMatchObject({ kind: 'LIST', code: null, product: null });
    expect(image.lines).toHaveLength(5);
    expect(image.lines[0]).toMatchObject({
      text: '2 l semi-skimmed milk',
      intent: { items: [{ productTerms: ['milk'], quantity: { amount: 2, unit: 'l' } }] },
    });
    expect(image.lines[0].read).toMatch(/^2 [|lI] semi-skimmed milk$/);
    expect(image.lines[1].intent.items[0]).toEqual({ productTerms: ['yogurt'], quantity: { amount: 500, unit: 'g' } });
    expect(image.lines[3].intent.items[0].quantity).toEqual({ amount: 1, unit: 'kg' });
    const names = matchedNames(list);
    expect(names.filter((name, n) => name === EXPECTED[n]).length).toBeGreaterThanOrEqual(4);
    for (const line of image.lines) {
      if (line.product) expect(line.confidence).toBeGreaterThan(0.3);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
    // The list: each line's best match first, in the list's order.
    const matched = image.lines.filter((line: any) => line.product).map((line: any) => line.product.id);
    expect(list.items.slice(0, matched.length).map((item: any) => item.product.id)).toEqual(matched);
    expect(list.servedBy).toContain('INTENT');
    expect(list.emptyReason).toBeNull();
    expect(list.intent.text).toBe('');
    expect(list.intent.confidence).toBeGreaterThan(0);
  });

  it('reads the same list turned, blurred and noisy as a JPEG, at least 3 of 5 lines to their products', async () => {
    const list = await recommendFromPhoto(await noisyJpeg(await listPng(), { degrees: 2.5 }), 'image/jpeg');
    expect(list.intent.image.kind).toBe('LIST');
    expect(matchedNames(list).filter((name, n) => name === EXPECTED[n]).length).toBeGreaterThanOrEqual(3);
  });

  it('applies a line\'s own constraints, leaves a line no product matches without a product, and says so when none matches', async () => {
    const list = await recommendFromPhoto(await listPng(['rye bread', 'gluten free bread', 'zebra saddle wax']), 'image/png');
    const [rye, glutenFree, wax] = list.intent.image.lines;
    expect(rye.product.name).toBe('Rye bread 500 g');
    // The diet said on the line filters that line's match only.
    expect(glutenFree).toMatchObject({ intent: { dietaryTags: ['GLUTEN_FREE'] }, product: { name: 'Gluten-free bread 400 g' } });
    expect(rye.intent.dietaryTags).toEqual([]);
    expect(wax).toMatchObject({ product: null, confidence: 0 });
    const none = await recommendFromPhoto(await listPng(['zebra saddle wax']), 'image/png');
    expect(none).toMatchObject({ items: [], emptyReason: 'No line of the list matches a product', intent: { image: { kind: 'LIST' } } });
  });

  it('answers text and catalog queries of the same process while four list photos are read', async () => {
    const photo = asImage(await listPng(SHOPPING_LIST), 'image/png');
    let read = 0;
    const photos = Array.from({ length: 4 }, () =>
      stack.query(RECOMMEND, { image: photo }).then((response) => {
        read += 1;
        return response;
      }),
    );
    const text = await stack.query(`{ recommend(context: { text: "peanut butter" }, first: 1) { items { product { name } } } }`);
    const catalog = await stack.query(`{ products(filter: { text: "wholemeal" }, first: 1) { edges { node { name } } } }`);
    expect(text.data.recommend.items[0].product.name).toBe('Peanut butter 350 g');
    expect(catalog.data.products.edges[0].node.name).toBe('Wholemeal bread');
    // One list reader (RECS_OCR_WORKERS=1) reads the four one after another: they were still being read.
    expect(read).toBeLessThan(4);
    for (const response of await Promise.all(photos)) {
      expect(response.errors).toBeUndefined();
      expect(response.data.recommend.intent.image.kind).toBe('LIST');
    }
  });
});
