import { lemmatize } from './lemmatize';
import { STOP_WORDS } from './stopWords';

export interface PriceConstraints {
  /** Amounts in cents (integers, so no float rounding). */
  minCents: number | null;
  maxCents: number | null;
  /** The text with every price phrase replaced by a separator, so its words are not read twice. */
  rest: string;
  /** Content words the price phrases used. */
  words: number;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,7}(?:[.,]\d{1,2})?`;
const CURRENCY_WORD = String.raw`euros?|eur|dollars?|usd|bucks?|quid|pounds?|gbp|pence|cents?|p|c`;
const AMOUNT = String.raw`(?:[$€£]\s?|(?:usd|eur|gbp)\s)?(?:${NUMBER})(?!\d)(?:\s?[$€£]|\s?(?:${CURRENCY_WORD})(?![\p{L}\d]))?`;
const START = String.raw`(?<![\p{L}\d.,$€£])`;
const WORD_START = String.raw`(?<![\p{L}\d])`;

const MAX_CUE = String.raw`under|below|beneath|less than|lower than|cheaper than|no more than|not more than|no higher than|not over|for less than|max(?:imum)?(?:\s+of)?|at most|up to|upto|within|<=?|≤`;
const MIN_CUE = String.raw`over|above|more than|greater than|higher than|at least|min(?:imum)?(?:\s+of)?|from|starting at|starting from|>=?|≥`;

// Tried in this order; a later pattern never reuses text an earlier one took.
const RANGE_WORDS = new RegExp(String.raw`${WORD_START}(?:between|from)\s{1,3}(${AMOUNT})\s{0,3}(?:and|to|&|-|–)\s{0,3}(${AMOUNT})`, 'gu');
const RANGE_DASH = new RegExp(String.raw`${START}(${AMOUNT})\s{0,3}(?:-|–|to)\s{0,3}(${AMOUNT})`, 'gu');
const MAXIMUM = new RegExp(String.raw`${WORD_START}(?:${MAX_CUE})\s{0,3}(${AMOUNT})`, 'gu');
const MINIMUM = new RegExp(String.raw`${WORD_START}(?:${MIN_CUE})\s{0,3}(${AMOUNT})`, 'gu');
const LONE = new RegExp(String.raw`${START}(${AMOUNT})`, 'gu');

const AMOUNT_PARTS = new RegExp(
  String.raw`^(?:([$€£])\s?|(usd|eur|gbp)\s)?(${NUMBER})(?:\s?([$€£])|\s?(${CURRENCY_WORD}))?$`,
  'u',
);
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/;
const MINOR_UNITS = /^(?:pence|cents?|p|c)$/;
const QUANTITY_UNIT = new RegExp(
  String.raw`^\s?(?:l|lt|ltr|litres?|liters?|ml|cl|dl|kg|kilos?|g|gr|grams?|grammes?|oz|ounces?|lbs?|packs?|pk|pcs|pieces?|x|items?|bottles?|cans?|tins?|jars?|bags?|box(?:es)?|rolls?|servings?|portions?|people|persons?|%|percent|pct|kcal|cal|calories|am|pm|h|hrs?|hours?|mins?|minutes?|days?|weeks?|km|kms|miles?|mi|m|meters?|metres?)(?![\p{L}\d])`,
  'u',
);
const NEXT_WORD = /^\s{0,3}(\p{L}+)/u;
const OF = /^\s{0,3}of(?![\p{L}])/u;

interface Amount {
  cents: number;
  /** A currency symbol, code or word was written. */
  currency: boolean;
  /** Written as "pound(s)", which is also a weight: only a price cue makes it money. */
  poundWord: boolean;
  twoDecimals: boolean;
}

function parseAmount(written: string): Amount | null {
  const parts = AMOUNT_PARTS.exec(written);
  if (!parts) return null;
  const [, symbolBefore, codeBefore, number = '', symbolAfter, word] = parts;
  const decimal = THOUSANDS.test(number) ? number.replace(/,/g, '') : number.replace(',', '.');
  const [whole = '0', fraction = ''] = decimal.split('.');
  const minor = word !== undefined && MINOR_UNITS.test(word);
  const cents = minor ? Number(whole) : Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return {
    cents,
    currency: Boolean(symbolBefore || codeBefore || symbolAfter || word),
    poundWord: word !== undefined && word.startsWith('pound'),
    twoDecimals: fraction.length === 2,
  };
}

/** What follows a bare number says it counts or measures things: "2 litres", "6 pack", "3 apples", "5 km", "5 pounds of". */
function isQuantity(amount: Amount, after: string): boolean {
  if (amount.poundWord) return OF.test(after);
  if (amount.currency) return false;
  if (QUANTITY_UNIT.test(after)) return true;
  const next = NEXT_WORD.exec(after)?.[1];
  return next !== undefined && lemmatize(next) !== next;
}

export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function countWords(span: string): number {
  const words = span.match(/\p{L}+|\d+/gu) ?? [];
  return Math.max(1, words.filter((word) => !STOP_WORDS.has(word)).length);
}

/** Price limits written in `text`: "under $5", "between 2 and 5 euros", "at least €3.50", "£4.99". */
export function extractPrice(text: string): PriceConstraints {
  const lower = text.toLowerCase();
  const taken: [number, number][] = [];
  const maxima: number[] = [];
  const minima: number[] = [];
  let words = 0;

  const scan = (pattern: RegExp, accept: (amounts: Amount[], after: string) => boolean): void => {
    for (const match of lower.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      const amounts = match.slice(1).map((written) => (written === undefined ? null : parseAmount(written)));
      if (amounts.some((amount) => amount === null)) continue;
      if (!accept(amounts as Amount[], lower.slice(end))) continue;
      taken.push([start, end]);
      words += countWords(match[0]);
    }
  };

  const range = (requireCurrency: boolean) => (amounts: Amount[], after: string): boolean => {
    const [low, high] = amounts as [Amount, Amount];
    if (requireCurrency && !low.currency && !high.currency) return false;
    // "between 2 and 5 kg": the unit after the second number belongs to both.
    if (!high.currency && isQuantity(high, after)) return false;
    minima.push(Math.min(low.cents, high.cents));
    maxima.push(Math.max(low.cents, high.cents));
    return true;
  };
  const single = (into: number[], standalone: boolean) => (amounts: Amount[], after: string): boolean => {
    const [amount] = amounts as [Amount];
    if (isQuantity(amount, after)) return false;
    // Without a cue, only a currency or two decimals ("2.99") make a number a price.
    if (standalone && !((amount.currency && !amount.poundWord) || amount.twoDecimals)) return false;
    into.push(amount.cents);
    return true;
  };

  scan(RANGE_WORDS, range(false));
  scan(RANGE_DASH, range(true));
  scan(MAXIMUM, single(maxima, false));
  scan(MINIMUM, single(minima, false));
  // A lone price ("vegan snacks for $5") is read as a ceiling.
  scan(LONE, single(maxima, true));

  let rest = '';
  let cursor = 0;
  for (const [start, end] of taken.sort((a, b) => a[0] - b[0])) {
    rest += `${lower.slice(cursor, start)} ; `;
    cursor = end;
  }
  rest += lower.slice(cursor);

  return {
    minCents: minima.length > 0 ? Math.max(...minima) : null,
    maxCents: maxima.length > 0 ? Math.min(...maxima) : null,
    rest,
    words,
  };
}
