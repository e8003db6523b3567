import { CONFIDENCE_FLOOR, detectIntent } from './detectIntent';
import type { Intent, IntentItem, IntentVocabulary } from './intent';

const vocabulary: IntentVocabulary = {
  categories: [
    { id: 'snacks', name: 'Snacks', slug: 'snacks' },
    { id: 'dairy', name: 'Dairy', slug: 'dairy' },
    { id: 'bakery', name: 'Bakery', slug: 'bakery' },
    { id: 'produce', name: 'Produce', slug: 'produce' },
    { id: 'drinks', name: 'Drinks', slug: 'drinks' },
    { id: 'frozen', name: 'Frozen Food', slug: 'frozen-food' },
    { id: 'pantry', name: 'Pantry', slug: 'pantry', synonyms: ['dry goods'] },
    { id: 'meat', name: 'Meat & Fish', slug: 'meat-fish', synonyms: ['chicken', 'beef'] },
    { id: 'alcohol', name: 'Beer & Wine', slug: 'beer-wine' },
  ],
};

type Expected = Partial<Intent>;

const phrasings: [string, Expected][] = [
  [
    'cheap vegan snacks under $5 near me',
    { categoryIds: ['snacks'], keywords: [], maxPrice: '5.00', minPrice: null, priceSensitivity: 'BUDGET',
      dietaryTags: ['VEGAN'], sustainability: null, nearMe: true, healthy: false, confidence: 1 },
  ],
  ['gluten-free cookies below 5 euros', { categoryIds: ['snacks'], dietaryTags: ['GLUTEN_FREE'], maxPrice: '5.00' }],
  ['gluten free bread', { categoryIds: ['bakery'], dietaryTags: ['GLUTEN_FREE'] }],
  ['coeliac friendly pasta', { categoryIds: ['pantry'], dietaryTags: ['GLUTEN_FREE'] }],
  ['plant-based milk less than €3.50', { categoryIds: ['dairy'], dietaryTags: ['VEGAN'], maxPrice: '3.50' }],
  ['dairy free yoghurt', { categoryIds: ['dairy'], dietaryTags: ['LACTOSE_FREE'] }],
  ['Lactose-free cheese, max 4', { categoryIds: ['dairy'], dietaryTags: ['LACTOSE_FREE'], maxPrice: '4.00' }],
  ['nut free snacks for school', { categoryIds: ['snacks'], dietaryTags: ['NUT_FREE'], keywords: ['school'] }],
  ['no nuts please, my son is allergic', { dietaryTags: [], excluded: ['nut'], keywords: ['son', 'allergic'] }],
  ["I don't want nuts in my cereal", { categoryIds: ['pantry'], dietaryTags: [], excluded: ['nut'], keywords: [] }],
  ['without nuts', { excluded: ['nut'], dietaryTags: [] }],
  ['nut-free granola', { dietaryTags: ['NUT_FREE'], excluded: [] }],
  ['free from dairy', { dietaryTags: ['LACTOSE_FREE'] }],
  ['cereal with no peanuts', { excluded: ['nut'], categoryIds: ['pantry'] }],
  ['chocolate without palm oil', { excluded: ['palm oil'], categoryIds: ['snacks'] }],
  ['only organic milk', { organic: 'ONLY', sustainability: 'ONLY', categoryIds: ['dairy'] }],
  ['organic milk', { organic: 'PREFER', sustainability: 'PREFER' }],
  ['bio eggs', { organic: 'PREFER', categoryIds: ['dairy'] }],
  ['eco friendly detergent', { organic: null, sustainability: 'PREFER' }],
  ['vegan cheese', { dietaryTags: ['VEGAN'], categoryIds: ['dairy'] }],
  ['lactose free milk', { dietaryTags: ['LACTOSE_FREE'] }],
  ['gluten-free pasta under 3', { dietaryTags: ['GLUTEN_FREE'], maxPrice: '3.00', categoryIds: ['pantry'] }],
  ['frozen pizza €4.50', { maxPrice: '4.50', categoryIds: ['frozen'] }],
  ['crisps £5', { maxPrice: '5.00' }],
  ['juice 5 euros', { maxPrice: '5.00', categoryIds: ['drinks'] }],
  ['wine less than 3 dollars', { maxPrice: '3.00', categoryIds: ['alcohol'] }],
  ['cheese between 2 and 4', { minPrice: '2.00', maxPrice: '4.00' }],
  ['bread under 5', { maxPrice: '5.00', categoryIds: ['bakery'] }],
  ['snacks 2,49', { maxPrice: '2.49' }],
  ['halal chicken', { categoryIds: ['meat'], dietaryTags: ['HALAL'] }],
  ['kosher wine up to 10', { categoryIds: ['alcohol'], dietaryTags: ['KOSHER'], maxPrice: '10.00' }],
  ['veggie burgers', { categoryIds: [], dietaryTags: ['VEGETARIAN'], keywords: ['burger'] }],
  ['vegetarian and vegan options', { dietaryTags: ['VEGETARIAN', 'VEGAN'], keywords: [] }],
  ['fresh veggies and fruit nearby', { categoryIds: ['produce'], dietaryTags: [], nearMe: true }],
  ['organic bananas', { categoryIds: ['produce'], sustainability: 'PREFER' }],
  ['only organic eggs', { categoryIds: ['dairy'], sustainability: 'ONLY', keywords: [] }],
  ['organic only', { sustainability: 'ONLY' }],
  ['must be sustainable coffee', { categoryIds: ['drinks'], sustainability: 'ONLY' }],
  ['strictly eco cleaning products', { sustainability: 'ONLY', keywords: ['cleaning'], confidence: 0.5 }],
  ['low carbon, planet friendly pasta', { categoryIds: ['pantry'], sustainability: 'PREFER' }],
  ['premium gourmet cheese', { categoryIds: ['dairy'], priceSensitivity: 'PREMIUM' }],
  ['luxury chocolate over 3', { categoryIds: ['snacks'], priceSensitivity: 'PREMIUM', minPrice: '3.00', maxPrice: null }],
  ['affordable bread rolls on sale', { categoryIds: ['bakery'], priceSensitivity: 'BUDGET' }],
  ['healthy high protein snacks', { categoryIds: ['snacks'], healthy: true }],
  ['low sugar juice between 2 and 5', { categoryIds: ['drinks'], healthy: true, minPrice: '2.00', maxPrice: '5.00' }],
  ['ice cream at least 4', { categoryIds: ['frozen'], minPrice: '4.00' }],
  ['frozen food deals', { categoryIds: ['frozen'], priceSensitivity: 'BUDGET' }],
  ['frozen pizza 5,99', { categoryIds: ['frozen'], keywords: ['pizza'], maxPrice: '5.99' }],
  ['2 litres of milk and a 6 pack of water', { categoryIds: ['dairy', 'drinks'], maxPrice: null, minPrice: null }],
  ['something sweet close by for £4.50', { categoryIds: ['snacks'], nearMe: true, maxPrice: '4.50' }],
  ['crisps 5$', { categoryIds: ['snacks'], maxPrice: '5.00' }],
  ['light crackers in my area', { categoryIds: ['snacks'], healthy: true, nearMe: true }],
  ['biscuits between €2 and €3', { categoryIds: ['snacks'], minPrice: '2.00', maxPrice: '3.00' }],
  ['Fruit & veg around here', { categoryIds: ['produce'], nearMe: true }],
  ['dry goods for camping', { categoryIds: ['pantry'], keywords: ['camping'] }],
  ['fish for dinner', { categoryIds: ['meat'], keywords: ['dinner'] }],
  ['CHEAP Cookies!!!', { categoryIds: ['snacks'], priceSensitivity: 'BUDGET', text: 'CHEAP Cookies!!!' }],
  ['  café au lait  ', { text: 'café au lait', keywords: ['cafe', 'au', 'lait'] }],
];

// Things that look like a slot but are not one.
const negatives: [string, Expected][] = [
  ['not vegan', { dietaryTags: [], keywords: [] }],
  ['vegan but not gluten free', { dietaryTags: ['VEGAN'] }],
  ["I don't want dairy", { dietaryTags: ['LACTOSE_FREE'], categoryIds: [] }],
  ['non-vegan sweets', { dietaryTags: [], categoryIds: ['snacks'] }],
  ['anything but not vegetarian', { dietaryTags: [] }],
  ['non-organic apples', { sustainability: null, categoryIds: ['produce'] }],
  ['not cheap', { priceSensitivity: null }],
  ['cheap or luxury', { priceSensitivity: null }],
  ['green tea', { sustainability: null, categoryIds: ['drinks'], keywords: ['green'] }],
  ['no palm oil', { keywords: [] }],
  ['6 pack of cola', { maxPrice: null, categoryIds: ['drinks'] }],
  ['more than 3 apples', { minPrice: null, categoryIds: ['produce'] }],
  ['under 500g pasta', { maxPrice: null, categoryIds: ['pantry'] }],
  ['5 pounds of potatoes', { maxPrice: null, categoryIds: ['produce'] }],
  ['100% organic juice', { maxPrice: null, sustainability: 'ONLY' }],
  ['sweet potatoes', { categoryIds: ['produce'], keywords: ['sweet'] }],
  ['shops within 2 miles open at 5.30pm', { maxPrice: null, minPrice: null }],
  ['local honey', { nearMe: false, keywords: ['local', 'honey'] }],
  ['honey', { keywords: ['honey'] }],
  ['organic only', { organic: 'ONLY' }],
  ['not organic', { organic: null }],
  ['2 l milk', { maxPrice: null, categoryIds: ['dairy'] }],
  ['xyzzy plugh', { categoryIds: [], keywords: ['xyzzy', 'plugh'], confidence: CONFIDENCE_FLOOR }],
];

const catalog: IntentVocabulary = {
  categories: vocabulary.categories,
  productNames: ['Spaghetti 500 g', 'Tomato pasta sauce 500 g', 'Whole milk 1 L', 'Free-range eggs 10 pack', 'Sourdough loaf',
    'Sweet and salty popcorn 100 g', 'Margherita pizza', 'Chocolate cereal 375 g', 'Bananas 1 kg', 'Mozzarella 125 g',
    'Basmati rice 1 kg', 'Cola 1.5 L', 'Yogurt 500 g', 'Avocados 2 pack', 'Butter 250 g'],
};

type ExpectedItem = Partial<IntentItem>;

// Items, quantities and spelling, against a vocabulary with product names.
const itemPhrasings: [string, ExpectedItem[]][] = [
  ['milk, eggs and bread', [{ text: 'milk', productTerms: ['milk'] }, { text: 'eggs', productTerms: ['egg'] }, { text: 'bread', productTerms: ['bread'] }]],
  ['milk and eggs', [{ productTerms: ['milk'] }, { productTerms: ['egg'] }]],
  ['milk & eggs', [{ productTerms: ['milk'] }, { productTerms: ['egg'] }]],
  ['bananas plus butter', [{ productTerms: ['banana'] }, { productTerms: ['butter'] }]],
  ['spaghetti\ntomato sauce', [{ productTerms: ['spaghetti'] }, { productTerms: ['sauce'] }]],
  ['sweet and salty popcorn', [{ productTerms: ['popcorn'] }]],
  ['mac and cheese', [{ productTerms: ['cheese'] }]],
  ['fruit & veg', [{ categoryIds: ['produce'] }]],
  ['vegetarian and vegan options', []],
  ['organic, please: milk and eggs', [{ productTerms: ['milk'], organic: 'PREFER' }, { productTerms: ['egg'], organic: 'PREFER' }]],
  ['gluten-free bread and pasta', [{ productTerms: ['bread'], dietaryTags: ['GLUTEN_FREE'] }, { productTerms: ['pasta'], dietaryTags: ['GLUTEN_FREE'] }]],
  ['cheap milk and premium cheese', [{ priceSensitivity: 'BUDGET' }, { priceSensitivity: 'PREMIUM' }]],
  ['frozen pizza', [{ productTerms: ['pizza'], categoryIds: ['frozen'] }]],
  ['chocolate cereal', [{ productTerms: ['cereal'] }]],
  ['2 l of milk', [{ productTerms: ['milk'], quantity: { amount: 2, unit: 'l' } }]],
  ['500g spaghetti', [{ productTerms: ['spaghetti'], quantity: { amount: 500, unit: 'g' } }]],
  ['a dozen eggs', [{ productTerms: ['egg'], quantity: { amount: 12, unit: null } }]],
  ['half a dozen eggs', [{ quantity: { amount: 6, unit: null } }]],
  ['6 pack of cola', [{ productTerms: ['cola'], quantity: { amount: 6, unit: 'pack' } }]],
  ['cola 6-pack', [{ quantity: { amount: 6, unit: 'pack' } }]],
  ['3 avocados', [{ productTerms: ['avocado'], quantity: { amount: 3, unit: null } }]],
  ['two litres of milk', [{ quantity: { amount: 2, unit: 'l' } }]],
  ['1.5 kg basmati rice', [{ productTerms: ['rice'], quantity: { amount: 1.5, unit: 'kg' } }]],
  ['milk x2', [{ quantity: { amount: 2, unit: null } }]],
  ['a couple of bananas', [{ quantity: { amount: 2, unit: null } }]],
  ['spagetti', [{ productTerms: ['spaghetti'] }]],
  ['tomatoe sauce', [{ productTerms: ['sauce'], categoryIds: ['pantry', 'produce'] }]],
  ['mozarella', [{ productTerms: ['mozzarella'] }]],
  ['chese', [{ productTerms: ['cheese'] }]],
  ['yoghurt and bananna', [{ productTerms: ['yoghurt'] }, { productTerms: ['banana'] }]],
  ['sourdogh', [{ productTerms: ['sourdough'] }]],
  ['glutn free pizza', [{ productTerms: ['pizza'], dietaryTags: ['GLUTEN_FREE'] }]],
  ['margarita pizza', [{ productTerms: ['pizza'] }]],
  ['no nuts please, my son is allergic', []],
];

describe('detectIntent', () => {
  it.each(itemPhrasings)('reads the items of %j', (text, expected) => {
    const intent = detectIntent(text, catalog);
    expect(intent.items).toHaveLength(expected.length);
    expected.forEach((item, n) => expect(intent.items[n]).toMatchObject(item));
  });

  it.each(phrasings)('understands %j', (text, expected) => {
    expect(detectIntent(text, vocabulary)).toMatchObject(expected);
  });

  it.each(negatives)('does not over-read %j', (text, expected) => {
    expect(detectIntent(text, vocabulary)).toMatchObject(expected);
  });

  it('returns an empty intent at the floor confidence for blank text', () => {
    for (const text of ['', '   ', '\n\t']) {
      expect(detectIntent(text, vocabulary)).toEqual({
        text: '', categoryIds: [], keywords: [], maxPrice: null, minPrice: null, priceSensitivity: null,
        dietaryTags: [], sustainability: null, organic: null, excluded: [], items: [], nearMe: false, healthy: false,
        confidence: CONFIDENCE_FLOOR,
      });
    }
  });

  it('ranks the catalog name above built-in synonyms, then by first mention', () => {
    expect(detectIntent('tomato snacks', vocabulary).categoryIds).toEqual(['snacks', 'produce']);
    expect(detectIntent('tomatoes and pasta', vocabulary).categoryIds).toEqual(['produce', 'pantry']);
    expect(detectIntent('bread, then pasta, rice and beans', vocabulary).categoryIds).toEqual(['pantry', 'bakery']);
  });

  it('applies built-in synonyms only to categories the catalog has', () => {
    const small: IntentVocabulary = { categories: [{ id: 'x', name: 'Household', slug: 'household' }] };
    expect(detectIntent('crisps and milk', small)).toMatchObject({ categoryIds: [], keywords: ['crisp', 'milk'] });
    const bySlug: IntentVocabulary = { categories: [{ id: 's', name: 'Knabbereien', slug: 'snacks' }] };
    expect(detectIntent('crisps', bySlug).categoryIds).toEqual(['s']);
  });

  it('matches multi-word names, slugs, synonyms and plural forms', () => {
    const catalog: IntentVocabulary = {
      categories: [
        { id: 'pf', name: 'Pet Food', slug: 'pet-food', synonyms: ['dog treats'] },
        { id: 'hb', name: 'Health & Beauty', slug: 'health_beauty' },
      ],
    };
    expect(detectIntent('pet foods', catalog).categoryIds).toEqual(['pf']);
    expect(detectIntent('a dog treat', catalog).categoryIds).toEqual(['pf']);
    expect(detectIntent('beauty', catalog).categoryIds).toEqual(['hb']);
  });

  it('measures confidence as the share of content words understood', () => {
    expect(detectIntent('cheap blorp', vocabulary).confidence).toBe(0.5);
    expect(detectIntent('vegan snacks from the zorblax aisle', vocabulary).confidence).toBe(0.5);
    expect(detectIntent('please show me some', vocabulary).confidence).toBe(CONFIDENCE_FLOOR);
  });

  it('never throws on random text up to 500 characters, and keeps its invariants', () => {
    const random = mulberry32(20240611);
    const fragments = [' ', ' ', 'under ', 'between ', ' and ', 'not ', 'non-', 'no ', 'vegan', 'gluten-free', 'only ',
      '$', '€', '£', '5', '3.50', '5,99', '1,000', '-', '/', '&', "'", '.', ',', '!', '(', ')', 'snacks', 'milk',
      'near me', 'organic', 'p', 'eur', 'pounds of', '%', 'é', 'ß', '😀', '\uD800', '\u0000', '\u200B', 'İ', '\n'];
    const ids = new Set(vocabulary.categories.map((c) => c.id));
    for (let n = 0; n < 1500; n++) {
      let text = '';
      const length = Math.floor(random() * 501);
      while (text.length < length) {
        text += random() < 0.5
          ? fragments[Math.floor(random() * fragments.length)]!
          : String.fromCharCode(Math.floor(random() * 0xffff));
      }
      text = text.slice(0, 500);
      const intent = detectIntent(text, vocabulary);
      expect(intent.text).toBe(text.trim());
      expect(intent.confidence).toBeGreaterThanOrEqual(CONFIDENCE_FLOOR);
      expect(intent.confidence).toBeLessThanOrEqual(1);
      for (const value of [intent.maxPrice, intent.minPrice]) if (value !== null) expect(value).toMatch(/^\d+\.\d{2}$/);
      expect(intent.categoryIds.filter((id) => !ids.has(id))).toEqual([]);
      expect(intent.keywords.filter((keyword) => !/^[\p{L}\p{N}]+$/u.test(keyword))).toEqual([]);
      expect(new Set(intent.keywords).size).toBe(intent.keywords.length);
    }
  });

});

/** A small seeded PRNG, so a failing fuzz case can be reproduced. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
