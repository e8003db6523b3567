import type { ProductReference } from '../data/productReference';
import type { Intent } from '../intent/intent';
import type { BarcodeFormat, DecodedBarcode } from './decodeBarcode';

/** What a photo was understood as (the schema's ImageIntent). */
export interface ImageIntent {
  kind: 'BARCODE' | 'NOTHING_READ';
  code: string | null;
  format: BarcodeFormat | null;
  /** GTIN-14, as the catalog stores it. */
  gtin: string | null;
  /** The product carrying that GTIN, the list's anchor. */
  product: ProductReference | null;
}

/** The request's Intent for a photo: no words, only what the image said. */
export function imageIntent(barcode: DecodedBarcode | null, productId: string | null): Intent {
  const image: ImageIntent = barcode
    ? { kind: 'BARCODE', code: barcode.code, format: barcode.format, gtin: toGtin14(barcode.lookupCode), product: productId ? { id: productId } : null }
    : { kind: 'NOTHING_READ', code: null, format: null, gtin: null, product: null };
  return {
    text: '',
    categoryIds: [],
    keywords: [],
    maxPrice: null,
    minPrice: null,
    priceSensitivity: null,
    dietaryTags: [],
    sustainability: null,
    organic: null,
    excluded: [],
    items: [],
    nearMe: false,
    healthy: false,
    // A barcode either reads with a valid check digit or not at all.
    confidence: barcode ? 1 : 0,
    image,
  };
}

/** EAN-13, EAN-8 and UPC-A digits zero-padded to GTIN-14, the form the catalog compares. */
export function toGtin14(digits: string): string {
  return digits.padStart(14, '0');
}
