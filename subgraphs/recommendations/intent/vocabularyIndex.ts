import { categoryPhrases } from './categoryLexicon';
import type { IntentVocabulary } from './intent';
import { lemmatize } from './lemmatize';
import { SLOT_PHRASES } from './slotLexicon';
import { Speller } from './spelling';
import { STOP_WORDS } from './stopWords';

/** What detectIntent derives once per vocabulary: the speller and the words that make a phrase a product. */
export interface VocabularyIndex {
  speller: Speller;
  /** Lemmas of the catalog's product names; null when the vocabulary has none (then any content word counts). */
  productWords: ReadonlySet<string> | null;
  /** "sweet and salty", "salt and vinegar": pairs joined by "and" that name one thing, not two items. */
  joinedPairs: ReadonlySet<string>;
}

// Common "X and Y" names of one product; the catalog's names and categories add theirs.
const JOINED = ['mac and cheese', 'macaroni and cheese', 'salt and vinegar', 'salt and pepper', 'sweet and sour', 'sweet and salty',
  'fish and chips', 'fruit and nut', 'fruit and veg', 'fruits and vegetables', 'bread and butter', 'cookies and cream',
  'oil and vinegar', 'strawberries and cream', 'peanut butter and jelly', 'ham and cheese', 'cheese and onion', 'rice and beans',
  'tea and coffee', 'oats and honey', 'pork and beans'];

const WORD = /\p{L}+/gu;
const lemmas = (text: string): string[] => (text.toLowerCase().match(WORD) ?? []).map(lemmatize);
const pairsOf = (text: string, into: Set<string>): void => {
  const words = lemmas(text.replace(/&/g, ' and '));
  for (let i = 1; i + 1 < words.length; i++) if (words[i] === 'and') into.add(`${words[i - 1]} and ${words[i + 1]}`);
};

const byCategories = new WeakMap<IntentVocabulary['categories'], WeakMap<readonly string[], VocabularyIndex>>();
const NO_PRODUCTS: readonly string[] = [];

export function vocabularyIndex(vocabulary: IntentVocabulary): VocabularyIndex {
  const products = vocabulary.productNames ?? NO_PRODUCTS;
  let perProducts = byCategories.get(vocabulary.categories);
  if (!perProducts) byCategories.set(vocabulary.categories, (perProducts = new WeakMap()));
  let index = perProducts.get(products);
  if (index) return index;

  const speller = new Speller();
  const joinedPairs = new Set<string>();
  for (const phrase of JOINED) pairsOf(phrase, joinedPairs);
  for (const word of STOP_WORDS) speller.keep(word);
  // Short lexicon words ("money", "deal") are too close to product words ("honey", "meal") to be corrections.
  for (const word of SLOT_PHRASES.words()) {
    if (word.length >= 6) speller.add(word, 1);
    else speller.keep(word);
  }
  for (const word of categoryPhrases(vocabulary).words()) speller.add(word, 2);
  for (const category of vocabulary.categories) pairsOf(category.name, joinedPairs);
  const productWords = vocabulary.productNames ? new Set<string>() : null;
  for (const name of products) {
    for (const word of lemmas(name)) {
      if (word.length < 3 || STOP_WORDS.has(word)) continue;
      productWords!.add(word);
      speller.add(word, 3);
    }
    pairsOf(name, joinedPairs);
  }
  index = { speller, productWords, joinedPairs };
  perProducts.set(products, index);
  return index;
}
