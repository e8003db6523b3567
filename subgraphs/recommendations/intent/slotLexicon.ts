import type { DietaryTag, PriceSensitivity } from './intent';
import { PhraseTrie } from './phraseTrie';
import { lemmasOf } from './tokenize';

export type Slot =
  | { kind: 'diet'; tag: DietaryTag }
  | { kind: 'price'; sensitivity: PriceSensitivity }
  | { kind: 'sustainability' }
  | { kind: 'nearMe' }
  | { kind: 'healthy' }
  /** "organic", "bio": the ORGANIC label in particular (also a sustainability preference). */
  | { kind: 'organic' }
  /** "no nuts", "without nuts": products naming this word (or its family) are left out. */
  | { kind: 'exclude'; term: string }
  /** A compound whose first word must not be read alone: "green tea" is not eco tea, "sweet potatoes" are not sweets. */
  | { kind: 'literal' };

const allergenFree = (...allergens: string[]): string[] =>
  allergens.flatMap((a) => [`${a} free`, `no ${a}`, `without ${a}`, `free from ${a}`, `${a} less`]);

const DIET: Record<DietaryTag, string[]> = {
  VEGAN: ['vegan', 'plant based', 'plant powered', 'no animal products', 'animal free'],
  VEGETARIAN: ['vegetarian', 'veggie', 'veg friendly', 'meatless', ...allergenFree('meat')],
  GLUTEN_FREE: ['coeliac', 'celiac', 'coeliac friendly', 'celiac friendly', ...allergenFree('gluten')],
  LACTOSE_FREE: ['non dairy', 'lactose intolerant', ...allergenFree('lactose', 'dairy', 'milk')],
  // "nut-free" asks for the tag; "no nuts" / "without nuts" exclude what names nuts (EXCLUDE below).
  NUT_FREE: ['nut allergy', 'peanut allergy', 'nut free', 'peanut free', 'tree nut free', 'nut less', 'nutfree'],
  HALAL: ['halal', 'zabiha'],
  KOSHER: ['kosher'],
};

const PRICE: Record<PriceSensitivity, string[]> = {
  BUDGET: [
    'cheap', 'cheaper', 'cheapest', 'budget', 'budget friendly', 'on a budget', 'affordable', 'bargain', 'bargains',
    'on sale', 'sale', 'discount', 'discounted', 'deal', 'deals', 'special offer', 'on offer', 'offer', 'promo',
    'promotion', 'clearance', 'reduced', 'inexpensive', 'not expensive', 'low cost', 'low price', 'low priced',
    'good value', 'value', 'value for money', 'economical', 'thrifty', 'money saving', 'save money', 'best price',
    'frugal',
  ],
  PREMIUM: [
    'premium', 'luxury', 'luxurious', 'gourmet', 'high end', 'upmarket', 'upscale', 'fancy', 'artisan', 'artisanal',
    'finest', 'deluxe', 'posh', 'top quality', 'high quality', 'best quality', 'indulgent', 'expensive', 'splurge',
    'treat myself', 'special occasion',
  ],
};

const ORGANIC = ['organic', 'bio'];

/** Negated allergens the catalog's tags do not cover well enough to filter on: excluded by name instead. */
const EXCLUDE: Record<string, string[]> = {
  nut: ['no nut', 'without nut', 'free from nut', 'no tree nut', 'without tree nut', 'no peanut', 'without peanut', 'free from peanut'],
};

const SUSTAINABILITY = [
  'eco', 'eco friendly', 'ecological', 'sustainable', 'sustainably', 'sustainably sourced', 'sustainability', 'organic',
  'bio', 'green', 'low carbon', 'carbon neutral', 'low footprint', 'climate friendly', 'planet friendly',
  'environmentally friendly', 'environment friendly', 'earth friendly', 'fair trade', 'fairtrade', 'plastic free',
  'zero waste', 'recyclable', 'recycled packaging', 'free range', 'ethical', 'ethically sourced', 'locally sourced',
  'locally grown', 'locally produced', 'rainforest alliance', 'msc',
];

const NEAR_ME = [
  'near me', 'nearby', 'near by', 'close by', 'close to me', 'closeby', 'near here', 'nearest', 'closest',
  'local store', 'local shop', 'local supermarket', 'local grocer', 'local grocery', 'local market', 'around here',
  'around me', 'in my area', 'my area', 'my neighbourhood', 'my neighborhood', 'walking distance', 'in store near',
];

const HEALTHY = [
  'healthy', 'healthier', 'healthiest', 'health', 'wholesome', 'nutritious', 'light', 'lite', 'diet', 'lean',
  'low sugar', 'no sugar', 'sugar free', 'no added sugar', 'reduced sugar', 'less sugar', 'low fat', 'fat free',
  'reduced fat', 'less fat', 'high protein', 'protein', 'low calorie', 'low cal', 'calorie', 'low salt', 'low sodium',
  'whole grain', 'wholegrain', 'wholemeal', 'high fibre', 'high fiber', 'keto', 'low carb', 'superfood', 'good for you',
  'clean eating',
];

const COMPOUNDS = [
  'green tea', 'green bean', 'green pepper', 'green apple', 'green salad', 'green onion', 'green olive', 'green lentil',
  'green pea', 'green grape', 'green curry', 'green smoothie', 'green juice', 'green vegetable', 'green cabbage',
  'green chilli', 'green chili', 'green banana', 'green pesto', 'sweet potato', 'sweet corn', 'sweet pepper',
  'sweet chilli', 'light soy sauce', 'light brown sugar',
];

function build(): PhraseTrie<Slot> {
  const trie = new PhraseTrie<Slot>();
  const add = (phrases: readonly string[], slot: Slot): void => {
    for (const phrase of phrases) trie.add(lemmasOf(phrase), slot);
  };
  for (const [tag, phrases] of Object.entries(DIET) as [DietaryTag, string[]][]) add(phrases, { kind: 'diet', tag });
  for (const [sensitivity, phrases] of Object.entries(PRICE) as [PriceSensitivity, string[]][])
    add(phrases, { kind: 'price', sensitivity });
  add(SUSTAINABILITY, { kind: 'sustainability' });
  add(ORGANIC, { kind: 'organic' });
  for (const [term, phrases] of Object.entries(EXCLUDE)) add(phrases, { kind: 'exclude', term });
  add(NEAR_ME, { kind: 'nearMe' });
  add(HEALTHY, { kind: 'healthy' });
  add(COMPOUNDS, { kind: 'literal' });
  return trie;
}

/** The built-in phrases for every slot but categories and prices. */
export const SLOT_PHRASES = build();
