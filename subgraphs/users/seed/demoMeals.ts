/**
 * A meal some baskets are bought for: groups of products (by SKU) of which
 * one is taken, each group with the chance it is in the basket. Earlier SKUs
 * of a group are the likelier pick.
 */
export interface Meal {
  name: string;
  /** How often it is cooked, relative to the other meals. */
  weight: number;
  groups: [chance: number, ...skus: string[]][];
}

// Kitchen knowledge the basket data cannot give: groceries.csv says pasta and
// sauces share baskets far more often than chance, not that spaghetti goes
// with tomato sauce and parmesan rather than with soy sauce and halloumi. The
// demo catalog's SKUs; a SKU the catalog lacks is skipped.
export const DEMO_MEALS: Meal[] = [
  {
    name: 'pasta',
    weight: 10,
    groups: [
      [1, 'spaghetti-500-g', 'penne-500-g', 'wholewheat-fusilli-500-g', 'gluten-free-pasta-400-g'],
      [0.75, 'tomato-pasta-sauce-500-g', 'pesto-alla-genovese-190-g', 'chopped-tomatoes-400-g'],
      [0.55, 'parmesan-100-g', 'mozzarella-125-g', 'grated-emmental-200-g'],
      [0.45, 'fresh-herbs-basil'],
      [0.3, 'garlic-3-bulbs', 'onions-1-kg', 'chestnut-mushrooms-250-g'],
      [0.25, 'olive-oil-500-ml'],
      [0.15, 'rioja-red-wine-0-75-l'],
    ],
  },
  {
    name: 'breakfast',
    weight: 10,
    groups: [
      [1, 'whole-milk-1-l', 'semi-skimmed-milk-1-l', 'oat-drink-1-l', 'organic-whole-milk-1-l', 'lactose-free-milk-1-l', 'soy-drink-1-l', 'skimmed-milk-1-l'],
      [0.6, 'cornflakes-500-g', 'swiss-muesli-750-g', 'crunchy-granola-500-g', 'chocolate-cereal-375-g', 'rolled-oats-1-kg', 'porridge-sachets-10-pack'],
      [0.5, 'toast-bread-500-g', 'sourdough-loaf', 'wholemeal-bread', 'rolls-buns-6-pack', 'gluten-free-bread-400-g'],
      [0.45, 'butter-250-g', 'salted-butter-250-g', 'vegan-spread-400-g', 'margarine-500-g'],
      [0.3, 'strawberry-jam-450-g', 'honey-350-g', 'chocolate-hazelnut-spread-400-g', 'orange-marmalade-454-g', 'peanut-butter-350-g'],
      [0.3, 'bananas-1-kg', 'blueberries-125-g', 'strawberries-500-g'],
      [0.25, 'ground-coffee-500-g', 'black-tea-80-bags', 'coffee-capsules-10-pack'],
      [0.2, 'free-range-eggs-10-pack', 'organic-eggs-6-pack'],
    ],
  },
  {
    name: 'burgers',
    weight: 5,
    groups: [
      [1, 'beef-burgers-4-pack', 'veggie-burgers-4-pack', 'frozen-beef-burgers-8-pack'],
      [0.8, 'rolls-buns-6-pack'],
      [0.55, 'tomato-ketchup-500-ml', 'mayonnaise-400-ml', 'dijon-mustard-200-g'],
      [0.45, 'iceberg-lettuce', 'tomatoes-500-g'],
      [0.35, 'gouda-slices-150-g', 'mature-cheddar-400-g'],
      [0.35, 'oven-chips-1-kg'],
      [0.3, 'cola-1-5-l', 'lager-6-x-0-33-l'],
    ],
  },
  {
    name: 'tacos',
    weight: 4,
    groups: [
      [1, 'tortilla-wraps-6-pack'],
      [0.7, 'beef-mince-500-g', 'chicken-breast-fillets-500-g', 'kidney-beans-400-g'],
      [0.5, 'red-peppers-3-pack', 'avocados-2-pack', 'onions-1-kg'],
      [0.4, 'sweetcorn-340-g', 'kidney-beans-400-g'],
      [0.4, 'sour-cream-200-g', 'mature-cheddar-400-g'],
      [0.35, 'tortilla-chips-200-g'],
      [0.3, 'smoked-paprika-50-g', 'ground-cumin-40-g'],
    ],
  },
  {
    name: 'curry',
    weight: 4,
    groups: [
      [1, 'basmati-rice-1-kg'],
      [0.6, 'chicken-breast-fillets-500-g', 'chickpeas-400-g', 'red-lentils-500-g', 'chicken-thighs-1-kg'],
      [0.55, 'coconut-milk-400-ml'],
      [0.5, 'mild-curry-powder-50-g', 'ground-cumin-40-g'],
      [0.45, 'onions-1-kg', 'garlic-3-bulbs', 'sweet-potatoes-1-kg', 'baby-spinach-200-g'],
      [0.35, 'fresh-coriander'],
      [0.2, 'natural-yogurt-500-g'],
    ],
  },
  {
    name: 'stir-fry',
    weight: 3,
    groups: [
      [1, 'egg-noodles-250-g', 'basmati-rice-1-kg'],
      [0.7, 'soy-sauce-150-ml', 'sweet-chilli-sauce-250-ml'],
      [0.6, 'red-peppers-3-pack', 'broccoli-500-g', 'frozen-mixed-vegetables-1-kg'],
      [0.5, 'chicken-thighs-1-kg', 'king-prawns-200-g', 'chicken-breast-fillets-500-g'],
      [0.35, 'toasted-sesame-oil-250-ml'],
      [0.3, 'garlic-3-bulbs'],
    ],
  },
  {
    name: 'risotto',
    weight: 2,
    groups: [
      [1, 'arborio-risotto-rice-500-g'],
      [0.7, 'parmesan-100-g'],
      [0.6, 'chestnut-mushrooms-250-g', 'courgettes-500-g'],
      [0.5, 'onions-1-kg'],
      [0.4, 'riesling-white-wine-0-75-l'],
      [0.35, 'butter-250-g'],
      [0.25, 'fresh-parsley'],
    ],
  },
  {
    name: 'salad',
    weight: 4,
    groups: [
      [1, 'iceberg-lettuce', 'baby-spinach-200-g'],
      [0.7, 'cucumber', 'tomatoes-500-g'],
      [0.5, 'feta-200-g', 'halloumi-225-g', 'mozzarella-125-g'],
      [0.45, 'olive-oil-500-ml', 'balsamic-dressing-250-ml', 'balsamic-vinegar-500-ml'],
      [0.35, 'avocados-2-pack', 'red-peppers-3-pack'],
      [0.3, 'lemons-500-g'],
      [0.2, 'baguette'],
    ],
  },
  {
    name: 'roast',
    weight: 3,
    groups: [
      [1, 'whole-chicken-1-5-kg', 'chicken-drumsticks-1-kg', 'pork-chops-500-g', 'lamb-chops-400-g'],
      [0.7, 'potatoes-2-5-kg', 'sweet-potatoes-1-kg'],
      [0.55, 'carrots-1-kg', 'root-vegetables-box', 'broccoli-500-g'],
      [0.4, 'fresh-parsley', 'dried-mixed-herbs-20-g'],
      [0.3, 'frozen-peas-1-kg'],
      [0.25, 'riesling-white-wine-0-75-l', 'rioja-red-wine-0-75-l'],
    ],
  },
  {
    name: 'fish',
    weight: 3,
    groups: [
      [1, 'salmon-fillets-2-pack', 'cod-fillets-400-g', 'tuna-steaks-2-pack', 'mackerel-fillets-200-g', 'frozen-salmon-fillets-4-pack'],
      [0.65, 'lemons-500-g'],
      [0.55, 'potatoes-2-5-kg', 'basmati-rice-1-kg', 'couscous-500-g'],
      [0.45, 'baby-spinach-200-g', 'broccoli-500-g', 'frozen-peas-1-kg'],
      [0.35, 'fresh-chives', 'fresh-parsley'],
      [0.3, 'creme-fraiche-200-g'],
    ],
  },
  {
    name: 'baking',
    weight: 3,
    groups: [
      [1, 'plain-flour-1-kg'],
      [0.75, 'caster-sugar-1-kg', 'icing-sugar-500-g'],
      [0.65, 'free-range-eggs-10-pack', 'barn-eggs-10-pack'],
      [0.6, 'butter-250-g', 'margarine-500-g'],
      [0.45, 'baking-powder-5-x-15-g', 'dried-yeast-7-x-7-g'],
      [0.35, 'dark-cooking-chocolate-200-g', 'cocoa-powder-250-g', 'vanilla-extract-38-ml'],
      [0.2, 'baking-paper-10-m'],
      [0.2, 'whole-milk-1-l'],
    ],
  },
  {
    name: 'bagel brunch',
    weight: 2,
    groups: [
      [1, 'bagels-5-pack', 'croissants-4-pack'],
      [0.65, 'cream-cheese-200-g'],
      [0.45, 'smoked-salmon-100-g', 'cooked-ham-200-g'],
      [0.4, 'orange-juice-1-l'],
      [0.35, 'free-range-eggs-10-pack', 'avocados-2-pack'],
      [0.25, 'fresh-chives'],
    ],
  },
  {
    name: 'party',
    weight: 4,
    groups: [
      [1, 'lager-6-x-0-33-l', 'prosecco-0-75-l', 'rose-wine-0-75-l', 'alcohol-free-beer-6-x-0-33-l'],
      [0.7, 'salted-crisps-150-g', 'paprika-crisps-150-g', 'tortilla-chips-200-g', 'salted-peanuts-200-g'],
      [0.45, 'pork-sausages-400-g', 'vegan-sausages-200-g', 'chorizo-200-g'],
      [0.4, 'cola-1-5-l', 'cloudy-lemonade-1-5-l', 'sparkling-water-1-l'],
      [0.35, 'hummus-200-g'],
      [0.3, 'paper-napkins-50-pack'],
      [0.25, 'margherita-pizza', 'pepperoni-pizza'],
    ],
  },
  {
    name: 'vegan week',
    weight: 3,
    groups: [
      [1, 'oat-drink-1-l', 'soy-drink-1-l', 'almond-drink-1-l'],
      [0.55, 'soy-yogurt-400-g'],
      [0.5, 'hummus-200-g', 'vegan-sausages-200-g', 'veggie-burgers-4-pack'],
      [0.45, 'chickpeas-400-g', 'red-lentils-500-g', 'quinoa-400-g'],
      [0.4, 'vegan-spread-400-g'],
      [0.35, 'baby-spinach-200-g', 'avocados-2-pack', 'sweet-potatoes-1-kg'],
    ],
  },
  {
    name: 'baby',
    weight: 1.5,
    groups: [
      [1, 'nappies-size-4-44-pack'],
      [0.8, 'baby-wipes-64-pack'],
      [0.5, 'baby-porridge-250-g', 'apple-puree-pouch-90-g'],
      [0.3, 'baby-shampoo-300-ml'],
      [0.3, 'bananas-1-kg'],
    ],
  },
  {
    name: 'pets',
    weight: 1.5,
    groups: [
      [1, 'dry-cat-food-2-kg', 'wet-cat-food-12-x-85-g', 'dry-dog-food-3-kg'],
      [0.55, 'cat-litter-10-l', 'dog-treats-200-g'],
    ],
  },
  {
    name: 'cleaning',
    weight: 3,
    groups: [
      [1, 'laundry-detergent-1-5-l', 'dishwasher-tablets-30-pack', 'washing-up-liquid-500-ml'],
      [0.55, 'fabric-softener-1-l', 'all-purpose-cleaner-750-ml', 'toilet-cleaner-750-ml', 'bathroom-cleaner-500-ml'],
      [0.5, 'toilet-paper-8-rolls', 'kitchen-towels-4-rolls'],
      [0.3, 'kitchen-sponges-5-pack', 'bin-bags-20-pack'],
    ],
  },
];
