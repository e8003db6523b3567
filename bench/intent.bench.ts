import { demoCatalog } from '../subgraphs/products/seed/demoCatalog';
import { standardCategories } from '../subgraphs/products/seed/categoryTree';
import { detectIntent } from '../subgraphs/recommendations/intent/detectIntent';
import type { IntentVocabulary } from '../subgraphs/recommendations/intent/intent';
import { percentile, timeMs } from './percentiles';

// detectIntent per request, on the demo catalog's vocabulary (categories and
// product names), per set of phrasings. The aim is under 1 ms at p99.

const vocabulary: IntentVocabulary = {
  categories: standardCategories().map(({ id, name, slug }) => ({ id, name, slug })),
  productNames: demoCatalog().products.map((p) => p.name),
};

const SETS: Record<string, string[]> = {
  simple: ['milk', 'frozen pizza', 'bread', 'organic bananas', 'cheap snacks', 'gluten-free cookies', 'vegan cheese'],
  constraints: ['only organic milk', "I don't want nuts in my cereal", 'no palm oil chocolate', 'nut-free granola for school',
    'lactose free yoghurt, organic only', 'halal chicken near me', 'free from dairy ice cream'],
  prices: ['frozen pizza 5,99', 'crisps £5', 'wine €4.50', 'juice 5 euros', 'cheese under 5', 'beer less than 3 dollars',
    'biscuits between 2 and 4'],
  quantities: ['2 l of milk', '500g spaghetti', 'a dozen eggs', '6 pack of cola', '1.5 kg basmati rice', 'half a dozen eggs'],
  typos: ['spagetti', 'tomatoe sauce', 'mozarella', 'chese', 'sourdogh bread', 'glutn free pizza'],
  multiItem: ['milk, eggs and bread', 'milk and eggs', 'spaghetti, tomato sauce, parmesan and basil',
    '2 l of milk, a dozen eggs and a sourdough loaf under 10 euros', 'organic, please: bananas, apples & pears'],
  long: ['hi, for a party tonight i need cheap vegan snacks under $5 near me, some gluten-free cookies, 6 pack of cola and no nuts please, my son is allergic'],
};

const ROUNDS = Number(process.argv[2] ?? 2000);

// The first call builds the vocabulary's tries and speller (once per catalog change, not per request).
const build = timeMs(() => detectIntent('warm up', vocabulary));
console.log(`vocabulary build (once per catalog change): ${build.toFixed(1)} ms`);
for (const texts of Object.values(SETS)) for (let i = 0; i < 200; i++) for (const text of texts) detectIntent(text, vocabulary);

console.log('set          phrasings   calls    p50 ms   p99 ms   max ms');
for (const [name, texts] of Object.entries(SETS)) {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) for (const text of texts) samples.push(timeMs(() => detectIntent(text, vocabulary)));
  console.log(`${name.padEnd(12)} ${String(texts.length).padStart(9)} ${String(samples.length).padStart(7)} ${percentile(samples, 50).toFixed(3).padStart(9)} ${percentile(samples, 99).toFixed(3).padStart(8)} ${Math.max(...samples).toFixed(3).padStart(8)}`);
}
