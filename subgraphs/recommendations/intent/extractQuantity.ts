import type { Quantity } from './intent';

export interface QuantityReading {
  quantity: Quantity | null;
  /** The text with the quantity phrase replaced by a space. */
  rest: string;
}

const UNITS: ReadonlyMap<string, string> = new Map([
  ...['l', 'lt', 'ltr', 'litre', 'litres', 'liter', 'liters'].map((u) => [u, 'l'] as const),
  ['ml', 'ml'], ['cl', 'cl'],
  ...['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms'].map((u) => [u, 'kg'] as const),
  ...['g', 'gr', 'gram', 'grams', 'gramme', 'grammes'].map((u) => [u, 'g'] as const),
  ...['oz', 'ounce', 'ounces'].map((u) => [u, 'oz'] as const),
  ...['lb', 'lbs', 'pound', 'pounds'].map((u) => [u, 'lb'] as const),
  ...['pack', 'packs', 'pk', 'multipack', 'pcs', 'piece', 'pieces', 'bottles', 'cans', 'tins', 'jars', 'bags', 'boxes', 'rolls']
    .map((u) => [u, 'pack'] as const),
]);

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['twelve', 12], ['twenty', 20], ['a couple of', 2], ['a couple', 2], ['couple of', 2],
]);

const UNIT = [...UNITS.keys()].sort((a, b) => b.length - a.length).join('|');
const NUMBER = String.raw`\d{1,5}(?:[.,]\d{1,3})?`;
const WORD_NUMBER = [...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|');
const B = String.raw`(?<![\p{L}\d])`;
const E = String.raw`(?![\p{L}\d])`;

// Tried in order; the first that matches is the item's quantity.
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => Quantity | null][] = [
  // "6 x 1.5 l", "4 x 125 g": a pack of sizes is a count of packs.
  [new RegExp(String.raw`${B}(\d{1,3})\s?x\s?${NUMBER}\s?(?:${UNIT})${E}`, 'u'), (m) => ({ amount: Number(m[1]), unit: 'pack' })],
  [new RegExp(String.raw`${B}(?:half a dozen|half dozen)${E}`, 'u'), () => ({ amount: 6, unit: null })],
  [new RegExp(String.raw`${B}(?:(\d{1,3})\s)?(?:a\s)?dozens?${E}`, 'u'), (m) => ({ amount: 12 * (m[1] ? Number(m[1]) : 1), unit: null })],
  [new RegExp(String.raw`${B}packs? of (\d{1,3})${E}`, 'u'), (m) => ({ amount: Number(m[1]), unit: 'pack' })],
  [new RegExp(String.raw`${B}(${NUMBER})\s?-?\s?(${UNIT})${E}(?:\s+of${E})?`, 'u'), (m) => ({ amount: toNumber(m[1]!), unit: UNITS.get(m[2]!)! })],
  [new RegExp(String.raw`${B}(?:x\s?(\d{1,3})|(\d{1,3})\s?x)${E}`, 'u'), (m) => ({ amount: Number(m[1] ?? m[2]), unit: null })],
  [new RegExp(String.raw`${B}(${WORD_NUMBER})\s(${UNIT})${E}(?:\s+of${E})?`, 'u'), (m) => ({ amount: NUMBER_WORDS.get(m[1]!)!, unit: UNITS.get(m[2]!)! })],
  // A bare count before a word: "3 apples", "two baguettes", "a couple of lemons".
  [new RegExp(String.raw`${B}(\d{1,3}|${WORD_NUMBER})(?=\s+\p{L})`, 'u'), (m) => {
    const amount = NUMBER_WORDS.get(m[1]!) ?? Number(m[1]);
    return amount > 0 ? { amount, unit: null } : null;
  }],
];

function toNumber(written: string): number {
  return Number(written.replace(',', '.'));
}

/** The quantity an item phrase asks for (lower-case text, prices already taken out). */
export function extractQuantity(text: string): QuantityReading {
  for (const [pattern, read] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const quantity = read(match);
    if (!quantity || !Number.isFinite(quantity.amount) || quantity.amount <= 0) continue;
    return { quantity, rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}` };
  }
  return { quantity: null, rest: text };
}
