import type { IntentVocabulary, VocabularyCategory } from './intent';
import { PhraseTrie } from './phraseTrie';
import { lemmasOf } from './tokenize';

export interface CategoryHit {
  categoryId: string;
  /** How sure a match on this phrase is: the catalog's own name beats its synonyms, which beat ours. */
  strength: number;
}

const NAME_STRENGTH = 3;
const SYNONYM_STRENGTH = 2;
const BUILT_IN_STRENGTH = 1;
/** A built-in word for a sub-aisle ("cookies" → Biscuits) beats the same word for its parent aisle (Snacks). */
const SPECIFIC_STRENGTH = 1.5;

interface GroceryGroup {
  /** Category names (or slugs) the group applies to. */
  names: string[];
  words: string[];
  /** A sub-aisle's group. */
  specific?: boolean;
}

/** Everyday words for common grocery categories, used only when the catalog has a category of that name. */
const GROCERY_GROUPS: readonly GroceryGroup[] = [
  {
    names: ['snacks', 'snacks and sweets', 'snacks and confectionery'],
    words: ['snack', 'crisps', 'chips', 'biscuits', 'cookies', 'chocolate', 'candy', 'sweets', 'crackers', 'popcorn',
      'pretzels', 'cereal bar', 'granola bar', 'nibbles'],
  },
  {
    names: ['dairy', 'dairy and eggs'],
    words: ['milk', 'cheese', 'yogurt', 'yoghurt', 'butter', 'cream', 'eggs'],
  },
  {
    names: ['bakery', 'bread and bakery'],
    words: ['bread', 'rolls', 'buns', 'bagels', 'croissants', 'baguette', 'loaf', 'muffins', 'pastries'],
  },
  {
    names: ['produce', 'fresh produce', 'fruit and vegetables', 'fruit and veg', 'fruits and vegetables'],
    words: ['fruit', 'vegetables', 'veg', 'veggies', 'salad', 'apples', 'bananas', 'berries', 'tomatoes', 'potatoes',
      'onions', 'carrots', 'lettuce', 'avocados'],
  },
  {
    names: ['drinks', 'beverages', 'soft drinks'],
    words: ['drinks', 'beverages', 'water', 'juice', 'soda', 'pop', 'coffee', 'tea', 'lemonade', 'cola', 'smoothies'],
  },
  {
    names: ['frozen', 'frozen food', 'frozen foods'],
    words: ['frozen', 'ice cream', 'ice lolly', 'ice lollies', 'popsicles', 'freezer'],
  },
  {
    names: ['pantry', 'store cupboard', 'cupboard'],
    words: ['pasta', 'rice', 'beans', 'flour', 'lentils', 'noodles', 'cereal', 'oats', 'sauce', 'oil', 'spices',
      'canned', 'tinned', 'peanut butter'],
  },
  {
    names: ['biscuits', 'biscuits and cakes', 'cookies', 'biscuits and cookies'], specific: true,
    words: ['cookies', 'biscuits', 'crackers', 'shortbread', 'waffles', 'digestives', 'crispbread'],
  },
  {
    names: ['chocolate and sweets', 'sweets', 'confectionery', 'candy'], specific: true,
    words: ['chocolate', 'candy', 'sweets', 'gummies', 'liquorice', 'licorice', 'marshmallows', 'chewing gum'],
  },
  {
    names: ['crisps nuts and popcorn', 'crisps', 'chips and nuts'], specific: true,
    words: ['crisps', 'chips', 'nuts', 'popcorn', 'pretzels', 'peanuts', 'cashews'],
  },
  {
    names: ['cereals and breakfast', 'breakfast', 'breakfast cereals', 'cereals'], specific: true,
    words: ['cereal', 'muesli', 'granola', 'porridge', 'cornflakes', 'oats'],
  },
  {
    names: ['frozen meals and pizza', 'frozen meals', 'frozen pizza'], specific: true,
    words: ['pizza', 'lasagne', 'lasagna', 'frozen meal'],
  },
];

const CONJUNCTION = /\s*(?:&|,|\+|\/|\band\b)\s*/i;

const key = (text: string): string => lemmasOf(text).join(' ');

const GROUPS_BY_NAME: ReadonlyMap<string, GroceryGroup> = new Map(
  GROCERY_GROUPS.flatMap((group) => group.names.map((name) => [key(name), group] as const)),
);

function addCategory(trie: PhraseTrie<CategoryHit>, category: VocabularyCategory): void {
  const add = (phrase: string, strength: number): void =>
    trie.add(lemmasOf(phrase), { categoryId: category.id, strength });
  const slugWords = category.slug.replace(/[-_]+/g, ' ');
  add(category.name, NAME_STRENGTH);
  add(slugWords, NAME_STRENGTH);
  // "Meat & Fish" is what a shopper means by "fish".
  const parts = category.name.split(CONJUNCTION);
  if (parts.length > 1) for (const part of parts) add(part, SYNONYM_STRENGTH);
  for (const synonym of category.synonyms ?? []) add(synonym, SYNONYM_STRENGTH);
  const group = GROUPS_BY_NAME.get(key(category.name)) ?? GROUPS_BY_NAME.get(key(slugWords));
  for (const word of group?.words ?? []) add(word, group?.specific ? SPECIFIC_STRENGTH : BUILT_IN_STRENGTH);
}

// Vocabularies are reused across requests; building a trie per call would be wasted work.
const cache = new WeakMap<IntentVocabulary['categories'], PhraseTrie<CategoryHit>>();

/** The phrases that name each of the vocabulary's categories. */
export function categoryPhrases(vocabulary: IntentVocabulary): PhraseTrie<CategoryHit> {
  let trie = cache.get(vocabulary.categories);
  if (!trie) {
    trie = new PhraseTrie<CategoryHit>();
    for (const category of vocabulary.categories) addCategory(trie, category);
    cache.set(vocabulary.categories, trie);
  }
  return trie;
}
