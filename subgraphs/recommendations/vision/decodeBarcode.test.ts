import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../platform/paths';
import { barcodePng, blurred, pngDeclaring, scaled, withAlpha } from '../../../test/support/barcodeImages';
import { decodeBarcode, ImageDecodeError } from './decodeBarcode';
import { expandUpcE } from './upcE';

const options = { maxPixels: 40_000_000 };

describe('decodeBarcode on generated barcodes', () => {
  it.each([
    ['ean13', '4006381333931', 'EAN_13'],
    ['ean8', '96385074', 'EAN_8'],
    ['upca', '036000291452', 'UPC_A'],
  ] as const)('reads a %s clean, blurred, smaller and larger', async (symbology, digits, format) => {
    const png = await barcodePng(symbology, digits);
    for (const image of [png, await blurred(png, 1.2), await scaled(png, 0.6), await scaled(png, 2), await withAlpha(png)]) {
      await expect(decodeBarcode(image, options)).resolves.toEqual({ code: digits, format, lookupCode: digits });
    }
  });

  // zxing's JavaScript UPCEReader never returns a read (docs/vision.md); upcEReader.ts reads these.
  it.each([
    ['04252614', '042100005264'],
    ['01234565', '012345000065'],
    ['11234562', '112345000062'],
  ])('reads the UPC-E %s clean, blurred, smaller and larger, as the UPC-A %s', async (digits, upcA) => {
    const png = await barcodePng('upce', digits);
    for (const image of [png, await blurred(png, 1.2), await scaled(png, 0.6), await scaled(png, 2), await withAlpha(png)]) {
      await expect(decodeBarcode(image, options)).resolves.toEqual({ code: digits, format: 'UPC_E', lookupCode: upcA });
    }
  });

  it('expands a UPC-E code to the UPC-A the catalog stores', () => {
    expect(expandUpcE('04252614')).toBe('042100005264');
    expect(expandUpcE('01234505')).toBe('012000003455');
    expect(expandUpcE('01234565')).toBe('012345000065');
    expect(expandUpcE('01234531')).toBe('012300000451');
    expect(expandUpcE('0123')).toBeNull();
  });

  it('answers null for an image without a barcode', async () => {
    const plain = await blurred(await barcodePng('ean13', '4006381333931'), 30);
    await expect(decodeBarcode(plain, options)).resolves.toBeNull();
  });

  it('refuses an image declaring more pixels than allowed, and a truncated one', async () => {
    await expect(decodeBarcode(pngDeclaring(20_000, 20_000), options)).rejects.toMatchObject({ kind: 'TOO_MANY_PIXELS' });
    const png = await barcodePng('ean13', '4006381333931');
    const error = await decodeBarcode(png.subarray(0, Math.floor(png.length / 2)), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageDecodeError);
    expect(error).toMatchObject({ kind: 'UNREADABLE' });
  });
});

// zxing's EAN-13 test photos (Apache-2.0, the ZXing authors): real phone shots, some blurred,
// skewed or badly lit. Read from the shared data folder, not copied into the repository.
const PHOTOS = path.join(projectRoot, '..', 'shared', 'data', 'barcodes-ean13');

describe('decodeBarcode on real photos', () => {
  it('reads at least 32 of the 34 photos, each as its stated digits', async () => {
    const photos = fs.readdirSync(PHOTOS).filter((name) => name.endsWith('.png'));
    expect(photos).toHaveLength(34);
    let read = 0;
    for (const name of photos) {
      const expected = fs.readFileSync(path.join(PHOTOS, name.replace(/\.png$/, '.txt')), 'utf8').trim();
      const result = await decodeBarcode(fs.readFileSync(path.join(PHOTOS, name)), options);
      // A read is either right or absent: a wrong number would anchor the wrong product.
      if (result) expect(result.code).toBe(expected);
      if (result?.code === expected) read += 1;
    }
    expect(read).toBeGreaterThanOrEqual(32);
  }, 120_000);
});
