import { demoListEngine } from '../../../test/support/demoListEngine';
import { detectIntent } from '../intent/detectIntent';
import { matchListItem, type ItemMatchOptions } from './matchListItem';

// The one list matcher, against the demo catalog: what a cart filled from a
// list (planCartFill) picks from and what a photographed list in recommend
// shows, an item of a line at a time.

const { engine, vocabulary } = demoListEngine();
const anyone: ItemMatchOptions = { first: 10, diet: [], sustainability: 'NONE' };
const matches = (line: string, options: Partial<ItemMatchOptions> = {}, item = 0) => {
  const intent = detectIntent(line, vocabulary);
  return matchListItem(engine, intent, intent.items[item]!, { ...anyone, ...options });
};
const names = (list: ReturnType<typeof matches>) => list.items.map((r) => engine.catalog.byId(r.productId)!.name);
const facts = (list: ReturnType<typeof matches>) => list.items.map((r) => engine.catalog.byId(r.productId)!);

describe('matchListItem', () => {
  it('lists the products carrying the item\'s words, the product type first, and nothing in their stead', () => {
    const milk = matches('2 l semi-skimmed milk');
    expect(milk.servedBy).toEqual(['INTENT']);
    expect(names(milk)[0]).toBe('Semi-skimmed milk 1 L');
    expect(matches('zzqx wibble').items).toEqual([]);
  });

  it('matches one item of a line at a time', () => {
    expect(names(matches('milk, eggs and spaghetti', {}, 1))[0]).toMatch(/eggs/i);
    expect(names(matches('milk, eggs and spaghetti', {}, 2))[0]).toBe('Spaghetti 500 g');
  });

  it('obeys the diet strictly, and the diet words of the line', () => {
    expect(names(matches('mature cheddar'))[0]).toBe('Mature cheddar 400 g');
    expect(matches('mature cheddar', { diet: ['VEGAN'] }).items).toEqual([]);
    const glutenFree = matches('gluten free bread');
    expect(names(glutenFree)[0]).toBe('Gluten-free bread 400 g');
    for (const product of facts(glutenFree)) expect(product.dietaryTags.has('GLUTEN_FREE')).toBe(true);
  });

  it('applies the request\'s filters on top of the line\'s, its price limit first', () => {
    const best = matches('milk').items[0]!.productId;
    const others = matches('milk', { filter: { excludeIds: [best] } });
    expect(others.items.length).toBeGreaterThan(0);
    expect(others.items.map((r) => r.productId)).not.toContain(best);
    const cheap = matches('milk under 5', { filter: { maxPriceCents: 150 } });
    expect(cheap.items.length).toBeGreaterThan(0);
    for (const product of facts(cheap)) expect(product.effectivePriceCents).toBeLessThanOrEqual(150);
  });
});
