import { demoListEngine } from '../../../test/support/demoListEngine';
import type { IntentVocabulary } from '../intent/intent';
import { linesOf, planCartFill as planLines, type PlannedItem, type ListShopper } from './planCartFill';

// Shopping lists as shoppers write them, against the demo catalog (the
// engine's own projection of it, no database): each item gets the product a
// shopper would pick, obeying the diet and the budget, or says why not.

const { engine, vocabulary } = demoListEngine();
const nameOf = (line: PlannedItem) => (line.productId ? engine.catalog.byId(line.productId)!.name : null);
const anyone: ListShopper = { dietaryRestrictions: [], sustainability: 'NONE', remainingBudgetCents: null };
const vegan: ListShopper = { ...anyone, dietaryRestrictions: ['VEGAN'] };
const planCartFill = (text: string, ...rest: [typeof engine, IntentVocabulary, ListShopper]) => planLines(linesOf(text), ...rest);
const summary = (lines: PlannedItem[]) => lines.map((line) => [line.text, line.status, nameOf(line), line.quantity]);

describe('planCartFill', () => {
  it('picks a product per line, with the quantity the line asks for', () => {
    const lines = planCartFill('2 x oat drink\nspaghetti\n12 eggs\n2 l whole milk', engine, vocabulary, anyone);
    expect(summary(lines)).toEqual([
      ['2 x oat drink', 'ADDED', 'Oat drink 1 L', 2],
      ['spaghetti', 'ADDED', 'Spaghetti 500 g', 1],
      [expect.stringContaining('eggs'), 'ADDED', expect.stringMatching(/eggs/i), expect.any(Number)],
      [expect.stringContaining('whole milk'), 'ADDED', 'Whole milk 1 L', 2],
    ]);
    // Twelve eggs are as many packs as it takes, whichever pack was picked.
    const eggs = lines[2]!;
    const pack = Number(/(\d+) pack/.exec(nameOf(eggs)!)![1]);
    expect(eggs.quantity).toBe(Math.ceil(12 / pack));
    for (const line of lines) {
      expect(line.confidence).toBeGreaterThan(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
      expect(line.reason).toBe(`Added ${nameOf(line)}`);
      expect(line.recommendationId).toEqual(expect.any(String));
    }
  });

  it('splits a line naming several items, and skips blank lines and bullets', () => {
    const lines = planCartFill('- milk, eggs and bread\n\n  \n• baguette', engine, vocabulary, anyone);
    expect(lines.map((line) => line.status)).toEqual(['ADDED', 'ADDED', 'ADDED', 'ADDED']);
    expect(nameOf(lines[0]!)).toMatch(/milk/i);
    expect(nameOf(lines[1]!)).toMatch(/eggs/i);
    expect(nameOf(lines[3]!)).toBe('Baguette');
  });

  it('obeys the diet strictly and says so when only other products match', () => {
    const lines = planCartFill('mature cheddar\nspaghetti\negg noodles', engine, vocabulary, vegan);
    expect(summary(lines)).toEqual([
      ['mature cheddar', 'NOT_IN_DIET', 'Mature cheddar 400 g', 1],
      ['spaghetti', 'ADDED', 'Spaghetti 500 g', 1],
      ['egg noodles', 'NOT_IN_DIET', 'Egg noodles 250 g', 1],
    ]);
    expect(lines[0]!.reason).toBe('No vegan product matches “mature cheddar”');
    for (const line of lines.filter((l) => l.status === 'ADDED')) {
      expect(engine.catalog.byId(line.productId!)!.dietaryTags.has('VEGAN')).toBe(true);
    }
  });

  it('spends the budget in the order of the list, taking a cheaper match when the best does not fit', () => {
    // 3.00 left: spaghetti (1.09) fits, ground coffee (5.99) does not, and then 1.91 is left for milk.
    const lines = planCartFill('spaghetti\nground coffee\nmilk', engine, vocabulary, { ...anyone, remainingBudgetCents: 300 });
    expect(lines.map((line) => line.status)).toEqual(['ADDED', 'OVER_BUDGET', 'ADDED']);
    expect(nameOf(lines[1]!)).toBe('Ground coffee 500 g');
    expect(lines[1]!.reason).toBe('Ground coffee 500 g matches “ground coffee” but does not fit in the 1.91 left of the budget');
    const spent = lines.filter((l) => l.status === 'ADDED').reduce((sum, l) => sum + engine.catalog.byId(l.productId!)!.effectivePriceCents * l.quantity, 0);
    expect(spent).toBeLessThanOrEqual(300);
    expect(nameOf(lines[2]!)).toMatch(/milk/i);
  });

  it('reports what names no product in the catalog', () => {
    const lines = planCartFill('oat drink\nzzqx wibble\n!!!', engine, vocabulary, anyone);
    expect(lines.map((line) => line.status)).toEqual(['ADDED', 'NO_MATCH']);
    expect(lines[1]).toMatchObject({ productId: null, confidence: 0 });
    expect(lines[1]!.reason).toMatch(/^(No product matches “zzqx wibble”|Names no product)$/);
  });

  it('keeps excluded words and "only organic" of a line', () => {
    const lines = planCartFill('only organic milk\nmuesli without nuts', engine, vocabulary, anyone);
    const organic = lines[0]!;
    expect(organic.status).toBe('ADDED');
    expect(engine.catalog.byId(organic.productId!)!.sustainabilityLabels).toContain('ORGANIC');
    for (const line of lines.slice(1).filter((l) => l.productId)) expect(nameOf(line)).not.toMatch(/nut|almond|hazel/i);
  });
});
