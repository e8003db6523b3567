import type { Category, CategoryRepository } from '../data/categoryRepository';
import { demoId } from './demoId';

/** A node of the standard grocery tree: [slug, name, children]. */
type Node = [slug: string, name: string, children?: [string, string][]];

// The catalog's standard category tree, shared by the demo seed and the
// groceries import so both land products in the same places.
const TREE: Node[] = [
  ['dairy', 'Dairy & Eggs', [['milk', 'Milk'], ['cheese', 'Cheese'], ['yogurt', 'Yogurt & Desserts'], ['butter-cream', 'Butter, Cream & Fats'], ['eggs', 'Eggs']]],
  ['produce', 'Fruit & Vegetables', [['fruit', 'Fruit'], ['vegetables', 'Vegetables'], ['herbs', 'Fresh Herbs']]],
  ['bakery', 'Bakery', [['bread', 'Bread & Rolls'], ['pastries', 'Pastries & Cakes']]],
  ['meat-fish', 'Meat & Fish', [['meat', 'Meat'], ['poultry', 'Poultry'], ['fish', 'Fish & Seafood'], ['deli', 'Deli & Sausages']]],
  ['pantry', 'Pantry', [
    ['pasta-rice', 'Pasta, Rice & Grains'], ['canned', 'Canned & Jarred'], ['baking', 'Baking & Sugar'], ['sauces', 'Sauces & Condiments'],
    ['spreads', 'Spreads, Honey & Syrup'], ['breakfast', 'Cereals & Breakfast'], ['oils-vinegar', 'Oils & Vinegar'], ['spices', 'Spices & Salt'],
    ['ready-meals', 'Soups & Ready Meals'],
  ]],
  ['drinks', 'Drinks', [['water', 'Water'], ['soft-drinks', 'Soft Drinks'], ['juice', 'Juice'], ['coffee-tea', 'Coffee, Tea & Cocoa'], ['beer-wine', 'Beer & Wine'], ['spirits', 'Spirits']]],
  ['snacks', 'Snacks & Sweets', [['sweets', 'Chocolate & Sweets'], ['crisps-nuts', 'Crisps, Nuts & Popcorn'], ['biscuits', 'Biscuits & Cakes']]],
  ['frozen', 'Frozen', [['frozen-vegetables', 'Frozen Fruit & Vegetables'], ['frozen-meals', 'Frozen Meals & Pizza'], ['ice-cream', 'Ice Cream & Desserts'], ['frozen-meat-fish', 'Frozen Meat & Fish']]],
  ['household', 'Household', [['cleaning', 'Cleaning & Laundry'], ['paper-goods', 'Paper, Bags & Wraps'], ['kitchen', 'Kitchen & Home'], ['garden', 'Garden & Plants']]],
  ['personal-care', 'Personal Care', [['bath-body', 'Bath, Body & Hair'], ['health-hygiene', 'Health & Hygiene'], ['baby', 'Baby']]],
  ['pets', 'Pet Supplies'],
  ['imported', 'Imported'],
];

/** Where products go that match no category of the tree. */
export const FALLBACK_CATEGORY = 'imported';

export interface TreeCategory {
  id: string;
  slug: string;
  name: string;
  parentSlug: string | null;
}

export function standardCategories(): TreeCategory[] {
  return TREE.flatMap(([slug, name, children = []]) => [
    { id: demoId(`category:${slug}`), slug, name, parentSlug: null },
    ...children.map(([childSlug, childName]) => ({ id: demoId(`category:${childSlug}`), slug: childSlug, name: childName, parentSlug: slug })),
  ]);
}

/**
 * Creates whatever of the standard tree is missing, roots first, and returns
 * every category of it by slug, and those it created. Categories that exist
 * already (perhaps with other ids, made by an admin) are used as they are.
 */
export async function ensureStandardCategories(categories: CategoryRepository): Promise<{ bySlug: Map<string, Category>; created: Category[] }> {
  const all = standardCategories();
  const roots = await categories.ensure(all.filter((c) => !c.parentSlug).map(({ id, slug, name }) => ({ id, slug, name, parentId: null })));
  const children = await categories.ensure(
    all
      .filter((c) => c.parentSlug)
      .map(({ id, slug, name, parentSlug }) => ({ id, slug, name, parentId: roots.bySlug.get(parentSlug!)?.id ?? null })),
  );
  return { bySlug: new Map([...roots.bySlug, ...children.bySlug]), created: [...roots.created, ...children.created] };
}
