import crypto from 'node:crypto';

export interface DemoProduct {
  id: string;
  sku: string;
  name: string;
  category: string;
  price: string;
}

// A small, believable grocery shelf. Prices in EUR.
const SHELVES: Record<string, [string, number][]> = {
  Dairy: [
    ['Whole milk 1 L', 1.19], ['Semi-skimmed milk 1 L', 1.09], ['Greek yogurt 500 g', 2.49], ['Natural yogurt 500 g', 1.29],
    ['Butter 250 g', 2.79], ['Cream cheese 200 g', 1.89], ['Mature cheddar 400 g', 4.29], ['Oat drink 1 L', 1.99],
  ],
  Bakery: [
    ['Sourdough loaf', 3.2], ['Wholemeal bread', 1.79], ['Rolls/buns 6 pack', 1.49], ['Croissants 4 pack', 2.39],
    ['Rye crispbread', 1.69], ['Bagels 5 pack', 2.19],
  ],
  Produce: [
    ['Bananas 1 kg', 1.39], ['Apples 1 kg', 2.29], ['Citrus fruit mix 1 kg', 2.99], ['Tomatoes 500 g', 1.99],
    ['Carrots 1 kg', 0.99], ['Root vegetables box', 3.49], ['Baby spinach 200 g', 1.79], ['Avocados 2 pack', 2.49],
    ['Onions 1 kg', 1.19], ['Fresh herbs basil', 1.29],
  ],
  Pantry: [
    ['Spaghetti 500 g', 1.09], ['Basmati rice 1 kg', 2.89], ['Rolled oats 1 kg', 1.59], ['Chickpeas 400 g', 0.79],
    ['Chopped tomatoes 400 g', 0.69], ['Olive oil 500 ml', 6.49], ['Peanut butter 350 g', 2.99], ['Honey 350 g', 4.19],
  ],
  Drinks: [
    ['Bottled water 6 x 1.5 L', 2.49], ['Orange juice 1 L', 2.19], ['Cola 1.5 L', 1.79], ['Ground coffee 500 g', 5.99],
    ['Green tea 40 bags', 2.59], ['Sparkling water 1 L', 0.59],
  ],
  Snacks: [
    ['Dark chocolate 100 g', 1.99], ['Salted crisps 150 g', 1.59], ['Mixed nuts 200 g', 3.49], ['Oat biscuits 300 g', 1.89],
    ['Rice cakes 130 g', 1.19], ['Hummus 200 g', 1.69],
  ],
  Frozen: [
    ['Frozen peas 1 kg', 1.99], ['Vanilla ice cream 1 L', 3.29], ['Margherita pizza', 2.99], ['Frozen berries 500 g', 3.79],
  ],
};

/** Stable ids so the demo catalog is the same on every machine and every run. */
export function demoId(name: string): string {
  const hash = crypto.createHash('sha256').update(`smartcart-demo:${name}`).digest('hex');
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

export function demoCatalog(): DemoProduct[] {
  return Object.entries(SHELVES).flatMap(([category, items]) =>
    items.map(([name, price]) => ({ id: demoId(name), sku: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, category, price: price.toFixed(2) })),
  );
}
