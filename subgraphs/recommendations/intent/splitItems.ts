import { lemmatize } from './lemmatize';

export interface Segment {
  text: string;
}

// Commas, semicolons (a removed price leaves one), new lines, "and", "&", "plus", "as well as".
const SEPARATOR = /\s*(?:[,;\n+]|&|\band\b|\bplus\b|\bas well as\b)\s*/gu;
const LAST_WORD = /(\p{L}+)\s*$/u;
const FIRST_WORD = /^\s*(\p{L}+)/u;

/**
 * Cuts a request into the phrases that may each name a product: "milk, eggs and bread".
 * "and" between words that name one thing ("mac and cheese", a catalog name such as
 * "Sweet and salty popcorn") does not cut.
 */
export function splitItems(text: string, joinedPairs: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    const separator = match[0].trim();
    if (separator === 'and' || separator === '&') {
      const left = LAST_WORD.exec(text.slice(start, match.index))?.[1];
      const right = FIRST_WORD.exec(text.slice(match.index + match[0].length))?.[1];
      if (left && right && joinedPairs.has(`${lemmatize(left)} and ${lemmatize(right)}`)) continue;
    }
    segments.push({ text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  segments.push({ text: text.slice(start) });
  return segments.filter((segment) => /[\p{L}\p{N}]/u.test(segment.text));
}
