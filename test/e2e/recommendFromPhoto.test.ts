import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import { barcodePng, largePhoto, pngDeclaring, withCheckDigit } from '../support/barcodeImages';
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
// A UPC-A that has a UPC-E form (ends 0000 then 5–9), unique to this run, and that UPC-E.
const upcA = withCheckDigit(`0${String(parseInt(tag, 16) % 1e5).padStart(5, '0')}00007`);
const upcE = `0${upcA.slice(1, 6)}7${upcA[11]}`;

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
    [
      ...[1, 2, 3].map((n) => ({ sku: `photo-${tag}-${n}`, name: `Oat drink ${n} ${tag}`, price: `${n}.50`, stockQuantity: 20, categoryId, gtin: digits(n) })),
      { sku: `photo-${tag}-upc`, name: `Oat drink small ${tag}`, price: '0.99', stockQuantity: 20, categoryId, gtin: upcA },
    ],
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

  it('reads a UPC-E and finds the product by the UPC-A it abbreviates', async () => {
    const photo = asImage(await barcodePng('upce', upcE));
    const list = await eventually(async () => {
      const response = await stack.query(RECOMMEND, { image: photo });
      return response.data?.recommend?.intent?.image?.product ? response.data.recommend : undefined;
    }, 60_000, 'the UPC-E product found by its barcode');
    expect(list.intent.image).toEqual({ kind: 'BARCODE', code: upcE, format: 'UPC_E', gtin: `00${upcA}`, product: { id: ids[3], name: `Oat drink small ${tag}` } });
    expect(list.items.map((item: { product: { id: string } }) => item.product.id)).not.toContain(ids[3]);
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
    const base64 = await stack.query(RECOMMEND, { image: { base64: 'not base64!' } });
    expect(base64.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'context.image' });

    const product = await stack.query(`query ($id: ID!) { product(id: $id) { id name } }`, { id: ids[1] });
    expect(product.data.product).toEqual({ id: ids[1], name: `Oat drink 2 ${tag}` });
    const again = await stack.query(RECOMMEND, { image: asImage(png) });
    expect(again.data.recommend.intent.image.product.id).toBe(ids[1]);
  });
});

// recommend declares a request body limit of its own (@requestBodyLimit, 5,600,000 bytes:
// a photo of RECS_IMAGE_MAX_BYTES in base64 and its query), which the gateway reads from
// the supergraph and the recommendations subgraph from its schema; every other operation
// keeps HTTP_MAX_BODY_BYTES.
describe('the request body limit of recommend', () => {
  const RECOMMEND_LIMIT = 5_600_000;
  const post = async (body: string) => {
    const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, json: (await response.json()) as any };
  };
  let photo: Buffer;

  beforeAll(async () => {
    photo = await largePhoto(await barcodePng('ean13', digits(1)), 2_500_000);
  });

  it('lets a photo of 2.5 MB through the gateway and the subgraph, and reads its barcode', async () => {
    expect(photo.length).toBeGreaterThan(2_500_000);
    const body = JSON.stringify({ query: RECOMMEND, variables: { image: asImage(photo) } });
    expect(body.length).toBeGreaterThan(3 * stack.config.http.maxBodyBytes);
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(response.json.errors).toBeUndefined();
    expect(response.json.data.recommend.intent.image).toMatchObject({ kind: 'BARCODE', code: digits(1), product: { id: ids[0] } });
  });

  it('refuses a body of the same size on any other operation, or when another root field comes along', async () => {
    const padding = 'x'.repeat(4 * Math.ceil(photo.length / 3));
    for (const query of ['{ __typename }', `query ($image: PhotoInput!) { recommend(context: { image: $image }) { servedBy } products(first: 1) { totalCount } }`]) {
      const body = JSON.stringify({ query, variables: { image: { base64: padding } } });
      const response = await post(body);
      expect(response.status).toBe(413);
      expect(response.json).toEqual({
        errors: [{ message: `Request body is ${Buffer.byteLength(body)} bytes, above the ${stack.config.http.maxBodyBytes} this operation may send`, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: stack.config.http.maxBodyBytes } }],
      });
    }
  });

  it('lets a photo just over RECS_IMAGE_MAX_BYTES reach the image limit, which refuses it', async () => {
    const png = await barcodePng('ean13', digits(2));
    const image = Buffer.concat([png, Buffer.alloc(stack.config.recommendations.images.maxBytes + 1 - png.length)]);
    const body = JSON.stringify({ query: RECOMMEND, variables: { image: asImage(image) } });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(RECOMMEND_LIMIT);
    const response = await post(body);
    expect(response.json.errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'context.image', maxBytes: stack.config.recommendations.images.maxBytes });
  });

  it('the recommendations subgraph reads the same limit from its own schema; products, declaring none, refuses the body unread', async () => {
    const body = JSON.stringify({ query: RECOMMEND, variables: { image: asImage(photo) } });
    const direct = await fetch(stack.subgraphUrls.recommendations!, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(direct.status).toBe(200);
    expect(((await direct.json()) as any).data.recommend.intent.image.product).toEqual({ id: ids[0], name: `Oat drink 1 ${tag}` });
    const products = await fetch(stack.subgraphUrls.products!, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(products.status).toBe(413);
    expect(await products.json()).toEqual({
      errors: [{ message: `Request body is ${Buffer.byteLength(body)} bytes, above the ${stack.config.http.maxBodyBytes} any operation may send`, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: stack.config.http.maxBodyBytes } }],
    });
  });

  it('refuses a body above what recommend may send before reading it', async () => {
    const body = JSON.stringify({ query: RECOMMEND, variables: { image: { base64: 'A'.repeat(RECOMMEND_LIMIT) } } });
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(response.json.errors[0]).toEqual({
      message: `Request body is ${Buffer.byteLength(body)} bytes, above the ${RECOMMEND_LIMIT} any operation may send`,
      extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: RECOMMEND_LIMIT },
    });
  });
});
