import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import { barcodePng, pngDeclaring, withCheckDigit } from '../support/barcodeImages';
import { createCatalogProducts } from '../support/catalogProducts';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

// A shopper photographs a product's barcode: through the gateway, the photo's
// EAN-13 names the product and the list is what goes around it. Photos that
// are not images, are cut short or declare too many pixels are refused with
// their codes, and the service answers normally afterwards.

let stack: Stack;
const tag = crypto.randomBytes(3).toString('hex');
// In-store numbers (prefix 2), unique to this run.
const digits = (n: number) => withCheckDigit(`29${String(parseInt(tag, 16) % 1e8).padStart(8, '0')}${n}${n}`);
let ids: string[];

const RECOMMEND = `query ($image: PhotoInput!) {
  recommend(context: { image: $image }, first: 5) {
    items { product { id name } type reason }
    servedBy
    emptyReason
    intent { text image { kind code format gtin product { id name } } }
  }
}`;

const asImage = (bytes: Buffer, contentType = 'image/png') => ({ base64: bytes.toString('base64'), contentType });

beforeAll(async () => {
  stack = await startStack();
  const admin = { 'x-api-key': (await createApiKey(stack.services.products!.db!.prisma, `photo test ${tag}`, ['admin'])).key };
  const category = await stack.query(`mutation ($name: String!) { createCategory(input: { name: $name }) { id } }`, { name: `Photo aisle ${tag}` }, admin);
  const categoryId = category.data.createCategory.id;
  ids = await createCatalogProducts(
    stack,
    [1, 2, 3].map((n) => ({ sku: `photo-${tag}-${n}`, name: `Oat drink ${n} ${tag}`, price: `${n}.50`, stockQuantity: 20, categoryId, gtin: digits(n) })),
  );
  // The recommender knows a GTIN once it has applied the product's catalog event.
  const photo = asImage(await barcodePng('ean13', digits(3)));
  await eventually(async () => {
    const response = await stack.query(RECOMMEND, { image: photo });
    return response.data?.recommend?.intent?.image?.product?.id === ids[2] ? true : undefined;
  }, 60_000, 'the third product found by its barcode');
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

describe('recommend(context: { image })', () => {
  it('reads the EAN-13 in a photo and recommends around the product carrying it', async () => {
    const code = digits(1);
    const response = await stack.query(RECOMMEND, { image: asImage(await barcodePng('ean13', code)) });
    expect(response.errors).toBeUndefined();
    const list = response.data.recommend;
    expect(list.intent).toEqual({ text: '', image: { kind: 'BARCODE', code, format: 'EAN_13', gtin: `0${code}`, product: { id: ids[0], name: `Oat drink 1 ${tag}` } } });
    const listed = list.items.map((item: { product: { id: string } }) => item.product.id);
    expect(listed).toEqual(expect.arrayContaining([ids[1], ids[2]]));
    expect(listed).not.toContain(ids[0]);
    expect(list.servedBy).toContain('SIMILAR');
    expect(list.emptyReason).toBeNull();
  });

  it('says so when no product has the barcode, and when no barcode is read', async () => {
    const unknown = withCheckDigit('400638133393'.slice(0, 12));
    const missing = await stack.query(RECOMMEND, { image: asImage(await barcodePng('ean13', unknown)) });
    expect(missing.errors).toBeUndefined();
    expect(missing.data.recommend).toMatchObject({ items: [], emptyReason: `No product has the barcode ${unknown}`, intent: { image: { kind: 'BARCODE', code: unknown, product: null } } });
    const blank = await stack.query(RECOMMEND, { image: asImage(await barcodePng('ean13', unknown).then((png) => require('sharp')(png).blur(40).jpeg().toBuffer()), 'image/jpeg') });
    expect(blank.data.recommend).toMatchObject({ items: [], emptyReason: 'No barcode or text could be read in the image', intent: { image: { kind: 'NOTHING_READ', code: null } } });
  });

  it('refuses a non-image, a truncated PNG and an image over the pixel limit, and keeps serving', async () => {
    const text = await stack.query(RECOMMEND, { image: asImage(Buffer.from('just some text, not a photo')) });
    expect(text.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'context.image', reason: 'must be a PNG, JPEG or WebP image; the bytes are text' });
    const png = await barcodePng('ean13', digits(2));
    const truncated = await stack.query(RECOMMEND, { image: asImage(png.subarray(0, Math.floor(png.length / 2))) });
    expect(truncated.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'context.image' });
    expect(truncated.errors?.[0]?.extensions?.reason).toMatch(/^the image cannot be read/);
    const huge = await stack.query(RECOMMEND, { image: asImage(pngDeclaring(20_000, 20_000)) });
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'context.image', maxPixels: 40_000_000 });
    // Base64 of 800 kB is over the body limit (HTTP_MAX_BODY_BYTES, 1 MB) before the image is looked at.
    const body = await stack.query(RECOMMEND, { image: asImage(Buffer.concat([png, Buffer.alloc(800_000)])) });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 1_000_000 });
    const base64 = await stack.query(RECOMMEND, { image: { base64: 'not base64!' } });
    expect(base64.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'context.image' });

    const product = await stack.query(`query ($id: ID!) { product(id: $id) { id name } }`, { id: ids[1] });
    expect(product.data.product).toEqual({ id: ids[1], name: `Oat drink 2 ${tag}` });
    const again = await stack.query(RECOMMEND, { image: asImage(png) });
    expect(again.data.recommend.intent.image.product.id).toBe(ids[1]);
  });
});
