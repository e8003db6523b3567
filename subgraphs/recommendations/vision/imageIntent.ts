import type { ProductReference } from '../data/productReference';
import type { Intent } from '../intent/intent';
import type { MatchedLine } from '../shoppingList/matchPhotographedList';
import type { BarcodeFormat, DecodedBarcode } from './decodeBarcode';

/** One line of a photographed list (the schema's ShoppingListLine). */
export interface ShoppingListLine {
  text: string;
  read: string;
  intent: Intent;
  product: ProductReference | null;
  confidence: number;
}

/** What a photo was understood as (the schema's ImageIntent). */
export interface ImageIntent {
  kind: 'BARCODE' | 'LIST' | 'NOTHING_READ';
  code: string | null;
  format: BarcodeFormat | null;
  /** GTIN-14, as the catalog stores it. */
  gtin: string | null;
  /** The product carrying that GTIN, the list's anchor. */
  product: ProductReference | null;
  /** A shopping list's lines; empty for a barcode or nothing read. */
  lines: ShoppingListLine[];
}

/** The request's Intent for a photo of a barcode, or of nothing readable: no words, only what the image said. */
export function imageIntent(barcode: DecodedBarcode | null, productId: string | null): Intent {
  const image: ImageIntent = barcode
    ? { kind: 'BARCODE', code: barcode.code, format: barcode.format, gtin: toGtin14(barcode.lookupCode), product: productId ? { id: productId } : null, lines: [] }
    : { kind: 'NOTHING_READ', code: null, format: null, gtin: null, product: null, lines: [] };
  // A barcode either reads with a valid check digit or not at all.
  return photoIntent(image, barcode ? 1 : 0);
}

/** The request's Intent for a photo of a shopping list: its lines, each understood and matched. */
export function listIntent(lines: readonly MatchedLine[]): Intent {
  const image: ImageIntent = {
    kind: 'LIST',
    code: null,
    format: null,
    gtin: null,
    product: null,
    lines: lines.map((line) => ({ text: line.text, read: line.read, intent: line.intent, product: line.productId ? { id: line.productId } : null, confidence: line.confidence })),
  };
  // The list as a whole: how sure its lines are, on average.
  const confidence = lines.length === 0 ? 0 : Math.round((lines.reduce((sum, line) => sum + line.confidence, 0) / lines.length) * 1000) / 1000;
  return photoIntent(image, confidence);
}

function photoIntent(image: ImageIntent, confidence: number): Intent {
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
    confidence,
    image,
  };
}

/** EAN-13, EAN-8 and UPC-A digits zero-padded to GTIN-14, the form the catalog compares. */
export function toGtin14(digits: string): string {
  return digits.padStart(14, '0');
}
