import type { DietaryTag } from '../generated/resolvers-types';
import { parseGtin } from '../domain/gtin';
import { demoCatalog } from './demoCatalog';

// Dietary tags are a promise to shoppers with allergies and convictions: these
// demo products once carried tags their ingredients contradict.

const tagsOf = new Map(demoCatalog().products.map((product) => [product.name, product.dietaryTags]));

describe('demo catalog dietary tags', () => {
  const cases: [name: string, tags: DietaryTag[], why: string][] = [
    ['Egg noodles 250 g', ['VEGETARIAN', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], 'egg: not vegan'],
    ['Tuna chunks in water 160 g', ['GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], 'fish: neither vegan nor vegetarian'],
    ['Oat biscuits 300 g', ['VEGETARIAN', 'NUT_FREE'], 'biscuits with butter: not vegan, not lactose-free, and oats are not gluten-free'],
    ['Oat drink 1 L', ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], 'oats are not gluten-free unless certified'],
    ['Rolled oats 1 kg', ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE', 'HALAL', 'KOSHER'], 'oats: not gluten-free'],
    ['Soy sauce 150 ml', ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE', 'NUT_FREE'], 'brewed with wheat'],
    ['Liquorice 200 g', ['VEGETARIAN'], 'made with wheat flour'],
    ['Pretzel sticks 250 g', ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE'], 'wheat dough'],
    ['Crunchy granola 500 g', ['VEGETARIAN', 'LACTOSE_FREE', 'HALAL', 'KOSHER'], 'usually baked with honey'],
    ['Swiss muesli 750 g', ['VEGETARIAN', 'HALAL', 'KOSHER'], 'usually has milk powder'],
    ['Chocolate cereal 375 g', ['VEGETARIAN', 'HALAL', 'KOSHER'], 'milk chocolate'],
    ['Hot chocolate 400 g', ['VEGETARIAN', 'GLUTEN_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], 'milk powder'],
    ['Chocolate hazelnut spread 400 g', ['VEGETARIAN', 'GLUTEN_FREE'], 'milk powder and hazelnuts'],
    ['Parmesan 100 g', ['GLUTEN_FREE', 'NUT_FREE'], 'animal rennet: not vegetarian'],
    ['Pesto alla genovese 190 g', ['GLUTEN_FREE'], 'parmesan and pine nuts'],
    ['King prawns 200 g', ['GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL'], 'shellfish: not kosher'],
    ['Rioja red wine 0.75 L', ['VEGETARIAN', 'LACTOSE_FREE', 'NUT_FREE'], 'fined with egg, milk protein or isinglass: not vegan'],
    ['Chicken drumsticks 1 kg', ['GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL'], '"drumsticks" is not rum'],
    ['Ginger ale 1 L', ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], '"ginger" is not gin'],
    ['Apple cider vinegar 500 ml', ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], 'vinegar is not cider'],
    ['Wheat beer 0.5 L', ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE', 'NUT_FREE'], 'barley and wheat; alcohol'],
    // Rules that were right stay right.
    ['Soy drink 1 L', ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], 'a plant drink'],
    ['Almond drink 1 L', ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'HALAL', 'KOSHER'], 'a plant drink, with nuts'],
    ['Gluten-free pasta 400 g', ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], 'says so'],
    ['Rice cakes 130 g', ['VEGETARIAN', 'GLUTEN_FREE', 'NUT_FREE'], 'rice'],
    ['Vegan sausages 200 g', ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE'], 'vegan, whatever "sausage" says'],
    ['Pork sausages 400 g', ['GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE'], 'pork'],
    ['Gummy bears 200 g', ['GLUTEN_FREE'], 'gelatine'],
  ];

  it.each(cases)('%s is %j (%s)', (name, tags) => {
    expect(tagsOf.get(name)).toEqual(tags);
  });

  it('claims VEGAN only for what is also VEGETARIAN, on every product', () => {
    for (const [name, tags] of tagsOf) if (tags!.includes('VEGAN')) expect([name, tags!.includes('VEGETARIAN')]).toEqual([name, true]);
  });
});

describe('demo catalog barcodes', () => {
  it('gives every product a valid, unique GTIN from the in-store range (prefix 2)', () => {
    const products = demoCatalog().products;
    const gtins = products.map((product) => product.gtin);
    expect(new Set(gtins).size).toBe(products.length);
    for (const gtin of gtins) {
      expect(parseGtin(gtin ?? '')).toEqual({ gtin14: gtin });
      expect(gtin).toMatch(/^02\d{12}$/);
    }
  });
});
