/**
 * One form for a word whatever its number, so that words of a request and of
 * a product name compare: "tomatoes", "tomatoe" (the projection's form) and
 * "tomato" all give "tomato"; "berries", "berrie" and "berry" give "berry".
 * Not linguistics: only the same answer for both sides matters.
 */
export function wordStem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('ie')) return `${w.slice(0, -2)}y`;
  if (w.length > 3 && /(?:ch|sh|x|o)e$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * Whether a product with these stems (stemsOf) carries the word of a request
 * (already stemmed): the same stem, or, for a word of four letters or more, a
 * stem it begins ("choc" in "chocolate"). Free-text matching and the
 * confidence of a shopping-list line count words this one way.
 */
export function carriesStem(stems: ReadonlySet<string>, stem: string): boolean {
  return stems.has(stem) || (stem.length >= 4 && [...stems].some((s) => s.startsWith(stem)));
}

/** Allergens a shopper names by one word and products by many. */
const FAMILIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['nut', ['nut', 'peanut', 'hazelnut', 'walnut', 'almond', 'cashew', 'pecan', 'pistachio', 'macadamia', 'praline', 'pesto', 'marzipan', 'nougat', 'nutella']],
  ['peanut', ['peanut']],
]);

/** The stems a "no …" phrase excludes: each entry is a phrase whose stems must all appear. */
export function exclusionStems(phrase: string): string[][] {
  const words = phrase.split(/\s+/).filter(Boolean);
  const family = words.length === 1 ? FAMILIES.get(words[0]!) : undefined;
  return family ? family.map((w) => [wordStem(w)]) : [words.map(wordStem)];
}

const stemCache = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** The stems of a product's words (its `tokens`), computed once per token set. */
export function stemsOf(tokens: ReadonlySet<string>): ReadonlySet<string> {
  let stems = stemCache.get(tokens);
  if (!stems) {
    stems = new Set([...tokens].map(wordStem));
    stemCache.set(tokens, stems);
  }
  return stems;
}
