import { distillBaskets } from './distillBaskets';

const CATEGORY: Record<string, string> = { 'whole milk': 'milk', 'uht-milk': 'milk', butter: 'butter-cream', 'rolls/buns': 'bread', pasta: 'pasta-rice' };
const categoryOf = (item: string) => CATEGORY[item.toLowerCase()] ?? null;

it('counts baskets, pairs, sizes and multi-item baskets by category', () => {
  const stats = distillBaskets(
    [
      ['whole milk', 'butter', 'rolls/buns'],
      ['whole milk', 'UHT-milk ', 'butter'],
      ['pasta', 'newspapers'],
      ['newspapers'],
      ['whole milk'],
    ],
    categoryOf,
  );
  expect(stats).toEqual({
    baskets: 5,
    // The basket of newspapers alone has no category the shop knows.
    mappedBaskets: 4,
    categories: { milk: 3, 'butter-cream': 2, bread: 1, 'pasta-rice': 1 },
    pairs: [
      ['bread', 'butter-cream', 1],
      ['bread', 'milk', 1],
      ['butter-cream', 'milk', 2],
    ],
    sizes: [2, 1, 1],
    multiItem: { bread: 0, 'butter-cream': 0, milk: 1, 'pasta-rice': 0 },
  });
});
