import { FALLBACK_CATEGORY } from '../seed/categoryTree';

// Where each item of the groceries basket data (../shared/data/groceries.csv)
// belongs in the standard tree. Items not listed go to "Imported".
const ITEMS_BY_CATEGORY: Record<string, string[]> = {
  milk: ['whole milk', 'UHT-milk', 'butter milk', 'condensed milk'],
  cheese: ['cream cheese', 'curd cheese', 'hard cheese', 'processed cheese', 'sliced cheese', 'soft cheese', 'specialty cheese', 'spread cheese'],
  yogurt: ['yogurt', 'curd', 'dessert'],
  'butter-cream': ['butter', 'cream', 'margarine', 'specialty fat', 'whipped/sour cream'],
  eggs: ['domestic eggs'],
  fruit: ['berries', 'citrus fruit', 'grapes', 'pip fruit', 'tropical fruit'],
  vegetables: ['onions', 'other vegetables', 'packaged fruit/vegetables', 'root vegetables', 'specialty vegetables', 'potato products'],
  herbs: ['herbs'],
  bread: ['brown bread', 'rolls/buns', 'semi-finished bread', 'white bread'],
  pastries: ['pastry', 'roll products'],
  meat: ['beef', 'hamburger meat', 'meat', 'pork'],
  poultry: ['chicken', 'turkey'],
  fish: ['fish'],
  deli: ['frankfurter', 'ham', 'liver loaf', 'meat spreads', 'organic sausage', 'sausage'],
  'pasta-rice': ['pasta', 'rice'],
  canned: ['canned fish', 'canned fruit', 'canned vegetables', 'pickled vegetables'],
  baking: ['artif. sweetener', 'baking powder', 'cooking chocolate', 'flour', 'preservation products', 'pudding powder', 'sugar'],
  sauces: ['ketchup', 'mayonnaise', 'mustard', 'salad dressing', 'sauces'],
  spreads: ['honey', 'jam', 'sweet spreads', 'syrup'],
  breakfast: ['cereals'],
  'oils-vinegar': ['oil', 'vinegar'],
  spices: ['salt', 'spices'],
  'ready-meals': ['Instant food products', 'finished products', 'ready soups', 'soups'],
  water: ['bottled water'],
  'soft-drinks': ['beverages', 'misc. beverages', 'soda'],
  juice: ['fruit/vegetable juice'],
  'coffee-tea': ['cocoa drinks', 'coffee', 'instant coffee', 'tea'],
  'beer-wine': ['bottled beer', 'canned beer', 'prosecco', 'red/blush wine', 'sparkling wine', 'white wine'],
  spirits: ['brandy', 'liqueur', 'liquor', 'liquor (appetizer)', 'rum', 'whisky'],
  sweets: ['candy', 'chewing gum', 'chocolate', 'chocolate marshmallow', 'specialty bar', 'specialty chocolate'],
  'crisps-nuts': ['nut snack', 'nuts/prunes', 'popcorn', 'salty snack', 'snack products', 'tidbits'],
  biscuits: ['cake bar', 'long life bakery product', 'waffles', 'zwieback'],
  'frozen-vegetables': ['frozen fruits', 'frozen potato products', 'frozen vegetables'],
  'frozen-meals': ['frozen meals'],
  'ice-cream': ['frozen dessert', 'ice cream'],
  'frozen-meat-fish': ['frozen chicken', 'frozen fish'],
  cleaning: ['abrasive cleaner', 'bathroom cleaner', 'cleaner', 'decalcifier', 'detergent', 'dish cleaner', 'house keeping products', 'softener', 'toilet cleaner'],
  'paper-goods': ['bags', 'cling film/bags', 'kitchen towels', 'napkins', 'shopping bags'],
  kitchen: ['candles', 'cookware', 'dishes', 'kitchen utensil', 'light bulbs'],
  garden: ['flower (seeds)', 'flower soil/fertilizer', 'pot plants'],
  'bath-body': ['hair spray', 'make up remover', 'male cosmetics', 'skin care', 'soap'],
  'health-hygiene': ['dental care', 'female sanitary products', 'hygiene articles', 'rubbing alcohol'],
  baby: ['baby cosmetics', 'baby food'],
  pets: ['cat food', 'dog food', 'pet care'],
};

const CATEGORY_OF_ITEM = new Map(Object.entries(ITEMS_BY_CATEGORY).flatMap(([slug, items]) => items.map((item) => [item.toLowerCase(), slug])));

/** The category slug for a basket item name; "imported" when the item is unknown. */
export function groceryCategory(item: string): string {
  return CATEGORY_OF_ITEM.get(item.toLowerCase()) ?? FALLBACK_CATEGORY;
}
