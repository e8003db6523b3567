import type { NewProduct } from '../data/productRepository';
import type { StoreFields } from '../data/storeRepository';
import type { DietaryTag, SustainabilityLabel } from '../generated/resolvers-types';
import { Decimal } from '../domain/pricing';
import type { Nutrition } from '../domain/productInput';
import { seededRandom } from '../../../platform/seededRandom';
import { ean13 } from '../domain/gtin';
import { slugify } from '../domain/slug';
import { standardCategories } from './categoryTree';
import { demoId } from './demoId';

export { demoId };

// A believable grocery shop, the same on every machine: every "random"
// attribute comes from a PRNG seeded with the product's name. Prices in EUR.

type Shelf = [name: string, price: number][];

const SHELVES: Record<string, Shelf> = {
  milk: [
    ['Whole milk 1 L', 1.19], ['Semi-skimmed milk 1 L', 1.09], ['Skimmed milk 1 L', 0.99], ['Organic whole milk 1 L', 1.59], ['Lactose-free milk 1 L', 1.49],
    ['Oat drink 1 L', 1.99], ['Soy drink 1 L', 1.79], ['Almond drink 1 L', 2.29], ['Buttermilk 500 ml', 0.89], ['Chocolate milk 500 ml', 1.29],
  ],
  cheese: [
    ['Mature cheddar 400 g', 4.29], ['Cream cheese 200 g', 1.89], ['Mozzarella 125 g', 0.99], ['Gouda slices 150 g', 1.79], ['Parmesan 100 g', 2.99],
    ['Feta 200 g', 1.99], ['Camembert 250 g', 2.49], ['Grated Emmental 200 g', 2.19], ['Halloumi 225 g', 2.89],
  ],
  yogurt: [
    ['Greek yogurt 500 g', 2.49], ['Natural yogurt 500 g', 1.29], ['Strawberry yogurt 4 x 125 g', 1.79], ['Skyr 450 g', 1.99], ['Quark 250 g', 0.89],
    ['Chocolate pudding 4 pack', 1.69], ['Soy yogurt 400 g', 1.89],
  ],
  'butter-cream': [
    ['Butter 250 g', 2.79], ['Salted butter 250 g', 2.89], ['Whipping cream 200 ml', 1.19], ['Sour cream 200 g', 0.89], ['Crème fraîche 200 g', 1.29],
    ['Margarine 500 g', 1.49], ['Vegan spread 400 g', 2.19],
  ],
  eggs: [['Free-range eggs 10 pack', 3.29], ['Organic eggs 6 pack', 2.79], ['Barn eggs 10 pack', 2.19], ['Quail eggs 12 pack', 2.99]],
  fruit: [
    ['Bananas 1 kg', 1.39], ['Apples 1 kg', 2.29], ['Citrus fruit mix 1 kg', 2.99], ['Avocados 2 pack', 2.49], ['Strawberries 500 g', 2.99],
    ['Blueberries 125 g', 1.99], ['Seedless grapes 500 g', 2.49], ['Pears 1 kg', 2.49], ['Lemons 500 g', 1.49], ['Mango', 1.29],
    ['Kiwis 6 pack', 1.99], ['Organic bananas 1 kg', 1.89],
  ],
  vegetables: [
    ['Tomatoes 500 g', 1.99], ['Carrots 1 kg', 0.99], ['Root vegetables box', 3.49], ['Baby spinach 200 g', 1.79], ['Onions 1 kg', 1.19],
    ['Potatoes 2.5 kg', 2.99], ['Broccoli 500 g', 1.49], ['Cucumber', 0.69], ['Red peppers 3 pack', 2.29], ['Iceberg lettuce', 0.99],
    ['Courgettes 500 g', 1.59], ['Chestnut mushrooms 250 g', 1.49], ['Garlic 3 bulbs', 0.99], ['Sweet potatoes 1 kg', 2.49],
  ],
  herbs: [['Fresh herbs basil', 1.29], ['Fresh parsley', 0.99], ['Fresh coriander', 0.99], ['Fresh mint', 1.19], ['Fresh chives', 0.99]],
  bread: [
    ['Sourdough loaf', 3.2], ['Wholemeal bread', 1.79], ['Rolls/buns 6 pack', 1.49], ['Bagels 5 pack', 2.19], ['Rye bread 500 g', 1.99],
    ['Baguette', 0.99], ['Toast bread 500 g', 1.29], ['Gluten-free bread 400 g', 3.49], ['Pretzels 4 pack', 1.79], ['Tortilla wraps 6 pack', 1.69],
  ],
  pastries: [
    ['Croissants 4 pack', 2.39], ['Pain au chocolat 4 pack', 2.69], ['Cinnamon rolls 4 pack', 2.99], ['Apple strudel 500 g', 3.49],
    ['Blueberry muffins 4 pack', 2.79], ['Baked cheesecake 450 g', 3.99],
  ],
  meat: [
    ['Beef mince 500 g', 4.99], ['Sirloin steak 300 g', 7.49], ['Pork chops 500 g', 4.49], ['Pork sausages 400 g', 3.29], ['Lamb chops 400 g', 8.99],
    ['Beef burgers 4 pack', 4.29], ['Diced beef 400 g', 5.49],
  ],
  poultry: [
    ['Chicken breast fillets 500 g', 5.49], ['Whole chicken 1.5 kg', 6.99], ['Chicken thighs 1 kg', 5.29], ['Turkey breast 400 g', 4.99],
    ['Chicken drumsticks 1 kg', 3.99], ['Organic chicken breast 400 g', 7.49],
  ],
  fish: [
    ['Salmon fillets 2 pack', 5.99], ['Cod fillets 400 g', 5.49], ['King prawns 200 g', 4.49], ['Smoked salmon 100 g', 3.29], ['Tuna steaks 2 pack', 6.49],
    ['Mackerel fillets 200 g', 2.79],
  ],
  deli: [
    ['Cooked ham 200 g', 2.29], ['Salami slices 100 g', 1.99], ['Frankfurters 6 pack', 2.49], ['Chicken liver pâté 125 g', 1.49], ['Chorizo 200 g', 2.79],
    ['Prosciutto 80 g', 2.99], ['Vegan sausages 200 g', 2.99], ['Hummus 200 g', 1.69],
  ],
  'pasta-rice': [
    ['Spaghetti 500 g', 1.09], ['Basmati rice 1 kg', 2.89], ['Penne 500 g', 1.09], ['Wholewheat fusilli 500 g', 1.29], ['Arborio risotto rice 500 g', 1.99],
    ['Couscous 500 g', 1.49], ['Quinoa 400 g', 2.99], ['Egg noodles 250 g', 1.39], ['Gluten-free pasta 400 g', 2.29], ['Red lentils 500 g', 1.69],
  ],
  canned: [
    ['Chickpeas 400 g', 0.79], ['Chopped tomatoes 400 g', 0.69], ['Kidney beans 400 g', 0.79], ['Sweetcorn 340 g', 0.99], ['Tuna chunks in water 160 g', 1.49],
    ['Coconut milk 400 ml', 1.39], ['Baked beans 415 g', 0.89], ['Pickled gherkins 670 g', 1.79], ['Peaches in juice 410 g', 1.19],
  ],
  baking: [
    ['Plain flour 1 kg', 0.89], ['Caster sugar 1 kg', 1.19], ['Baking powder 5 x 15 g', 0.79], ['Dark cooking chocolate 200 g', 2.29],
    ['Vanilla extract 38 ml', 3.49], ['Dried yeast 7 x 7 g', 0.99], ['Icing sugar 500 g', 0.99], ['Cocoa powder 250 g', 2.49],
  ],
  sauces: [
    ['Tomato ketchup 500 ml', 1.99], ['Mayonnaise 400 ml', 1.89], ['Dijon mustard 200 g', 1.49], ['Pesto alla genovese 190 g', 2.29], ['Soy sauce 150 ml', 1.69],
    ['Tomato pasta sauce 500 g', 1.79], ['Sweet chilli sauce 250 ml', 1.59], ['Balsamic dressing 250 ml', 1.99],
  ],
  spreads: [
    ['Peanut butter 350 g', 2.99], ['Honey 350 g', 4.19], ['Strawberry jam 450 g', 1.99], ['Chocolate hazelnut spread 400 g', 2.99],
    ['Maple syrup 250 ml', 5.49], ['Orange marmalade 454 g', 1.79],
  ],
  breakfast: [
    ['Rolled oats 1 kg', 1.59], ['Cornflakes 500 g', 1.99], ['Swiss muesli 750 g', 2.79], ['Crunchy granola 500 g', 3.29], ['Porridge sachets 10 pack', 2.49],
    ['Chocolate cereal 375 g', 2.69],
  ],
  'oils-vinegar': [
    ['Olive oil 500 ml', 6.49], ['Sunflower oil 1 L', 2.49], ['Rapeseed oil 1 L', 2.29], ['Balsamic vinegar 500 ml', 2.99], ['Apple cider vinegar 500 ml', 1.99],
    ['Toasted sesame oil 250 ml', 3.29],
  ],
  spices: [
    ['Sea salt 500 g', 0.89], ['Black pepper 50 g', 1.99], ['Smoked paprika 50 g', 1.49], ['Ground cumin 40 g', 1.49], ['Ground cinnamon 40 g', 1.39],
    ['Dried mixed herbs 20 g', 1.29], ['Mild curry powder 50 g', 1.59],
  ],
  'ready-meals': [
    ['Tomato soup 400 g', 1.29], ['Chicken noodle soup 400 g', 1.49], ['Lentil soup 400 g', 1.59], ['Instant noodles 5 pack', 2.49],
    ['Vegetable curry 400 g', 2.99], ['Beef lasagne 400 g', 3.49], ['Macaroni cheese 400 g', 2.79],
  ],
  water: [['Bottled water 6 x 1.5 L', 2.49], ['Sparkling water 1 L', 0.59], ['Mineral water 6 x 0.5 L', 1.99], ['Lemon flavoured water 1 L', 0.99]],
  'soft-drinks': [
    ['Cola 1.5 L', 1.79], ['Cola zero 1.5 L', 1.79], ['Cloudy lemonade 1.5 L', 1.49], ['Ginger ale 1 L', 1.69], ['Peach iced tea 1.5 L', 1.59],
    ['Energy drink 250 ml', 1.29], ['Orange soda 1.5 L', 1.49],
  ],
  juice: [
    ['Orange juice 1 L', 2.19], ['Apple juice 1 L', 1.69], ['Multivitamin juice 1 L', 1.99], ['Tomato juice 1 L', 1.79], ['Cranberry juice 1 L', 2.49],
    ['Mango smoothie 750 ml', 3.29],
  ],
  'coffee-tea': [
    ['Ground coffee 500 g', 5.99], ['Coffee beans 1 kg', 11.99], ['Instant coffee 200 g', 5.49], ['Green tea 40 bags', 2.59], ['Black tea 80 bags', 2.99],
    ['Peppermint tea 20 bags', 1.49], ['Hot chocolate 400 g', 2.99], ['Coffee capsules 10 pack', 3.29],
  ],
  'beer-wine': [
    ['Lager 6 x 0.33 L', 4.99], ['Wheat beer 0.5 L', 1.19], ['Alcohol-free beer 6 x 0.33 L', 4.49], ['Rioja red wine 0.75 L', 7.99],
    ['Riesling white wine 0.75 L', 6.99], ['Rosé wine 0.75 L', 5.99], ['Prosecco 0.75 L', 8.49], ['Apple cider 0.5 L', 1.79],
  ],
  spirits: [
    ['Scotch whisky 0.7 L', 19.99], ['London dry gin 0.7 L', 17.99], ['Vodka 0.7 L', 12.99], ['Dark rum 0.7 L', 15.99], ['Brandy 0.7 L', 14.99],
    ['Herbal liqueur 0.7 L', 13.49],
  ],
  sweets: [
    ['Dark chocolate 100 g', 1.99], ['Milk chocolate 100 g', 1.29], ['White chocolate 100 g', 1.29], ['Gummy bears 200 g', 1.19],
    ['Mint chewing gum 10 pack', 1.09], ['Liquorice 200 g', 1.49], ['Chocolate pralines 200 g', 4.99], ['Marshmallows 200 g', 1.39],
  ],
  'crisps-nuts': [
    ['Salted crisps 150 g', 1.59], ['Mixed nuts 200 g', 3.49], ['Paprika crisps 150 g', 1.59], ['Salted peanuts 200 g', 1.79], ['Tortilla chips 200 g', 1.69],
    ['Sweet and salty popcorn 100 g', 1.49], ['Pretzel sticks 250 g', 1.09], ['Roasted cashews 200 g', 3.99],
  ],
  biscuits: [
    ['Oat biscuits 300 g', 1.89], ['Rice cakes 130 g', 1.19], ['Rye crispbread', 1.69], ['Butter cookies 400 g', 2.49], ['Chocolate chip cookies 200 g', 1.99],
    ['Digestive biscuits 400 g', 1.49], ['Belgian waffles 250 g', 1.79], ['Shortbread 150 g', 2.29], ['Cream crackers 200 g', 1.39],
  ],
  'frozen-vegetables': [
    ['Frozen peas 1 kg', 1.99], ['Frozen berries 500 g', 3.79], ['Frozen spinach 450 g', 1.49], ['Oven chips 1 kg', 2.29],
    ['Frozen mixed vegetables 1 kg', 2.19], ['Frozen mango chunks 400 g', 2.99],
  ],
  'frozen-meals': [
    ['Margherita pizza', 2.99], ['Pepperoni pizza', 3.49], ['Frozen lasagne 1 kg', 4.99], ['Vegetable spring rolls 12 pack', 2.79],
    ['Pork dumplings 500 g', 3.99], ['Veggie burgers 4 pack', 3.29],
  ],
  'ice-cream': [
    ['Vanilla ice cream 1 L', 3.29], ['Chocolate ice cream 1 L', 3.29], ['Fruit ice lollies 6 pack', 2.49], ['Vegan ice cream 500 ml', 4.49],
    ['Frozen yogurt 500 ml', 3.79],
  ],
  'frozen-meat-fish': [
    ['Fish fingers 10 pack', 2.49], ['Chicken nuggets 500 g', 3.49], ['Frozen salmon fillets 4 pack', 7.99], ['Frozen prawns 400 g', 5.99],
    ['Frozen beef burgers 8 pack', 5.49],
  ],
  cleaning: [
    ['Laundry detergent 1.5 L', 6.99], ['Washing-up liquid 500 ml', 1.49], ['Dishwasher tablets 30 pack', 5.99], ['All-purpose cleaner 750 ml', 2.29],
    ['Toilet cleaner 750 ml', 1.99], ['Fabric softener 1 L', 2.49], ['Bathroom cleaner 500 ml', 2.49],
  ],
  'paper-goods': [
    ['Toilet paper 8 rolls', 3.99], ['Kitchen towels 4 rolls', 2.99], ['Paper napkins 50 pack', 1.49], ['Cling film 30 m', 1.79], ['Freezer bags 50 pack', 1.69],
    ['Bin bags 20 pack', 2.29], ['Baking paper 10 m', 1.49],
  ],
  kitchen: [['Tea light candles 50 pack', 3.99], ['LED light bulb E27', 4.99], ['Kitchen sponges 5 pack', 1.29], ['Aluminium foil 20 m', 2.49], ['Matches 10 boxes', 1.19]],
  garden: [['Potting soil 20 L', 3.99], ['Basil seeds', 1.49], ['Potted orchid', 12.99], ['Plant fertiliser 1 L', 4.49]],
  'bath-body': [
    ['Shower gel 250 ml', 1.99], ['Shampoo 300 ml', 2.49], ['Liquid hand soap 300 ml', 1.49], ['Deodorant spray 150 ml', 2.29], ['Body lotion 400 ml', 3.49],
    ['Hair conditioner 250 ml', 2.49],
  ],
  'health-hygiene': [
    ['Toothpaste 75 ml', 1.49], ['Toothbrushes 2 pack', 2.99], ['Cotton pads 100 pack', 1.19], ['Plasters 20 pack', 2.49], ['Sanitary pads 16 pack', 2.29],
    ['Hand sanitiser 100 ml', 1.99],
  ],
  baby: [['Baby wipes 64 pack', 1.99], ['Nappies size 4, 44 pack', 11.99], ['Baby porridge 250 g', 2.99], ['Apple puree pouch 90 g', 0.99], ['Baby shampoo 300 ml', 2.79]],
  pets: [['Dry cat food 2 kg', 6.99], ['Wet cat food 12 x 85 g', 5.49], ['Dry dog food 3 kg', 8.99], ['Dog treats 200 g', 2.49], ['Cat litter 10 L', 4.99]],
};

const ALL: DietaryTag[] = ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'];

/** How a kind of shelf behaves: diet, nutrition per 100 g, footprint, usual brands. */
interface Profile {
  diet: DietaryTag[];
  /** energyKcal, fat, saturatedFat, carbohydrates, sugars, fibre, protein, salt; absent for non-food. */
  nutrition?: [number, number, number, number, number, number, number, number];
  carbonKg: number;
  brands: string[];
}

const DAIRY = ['Alpenhof', 'Nordic Farm', 'Green Valley'];
const PLANT: DietaryTag[] = ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'];

const PROFILES: Record<string, Profile> = {
  milk: { diet: ['VEGETARIAN', 'GLUTEN_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], nutrition: [64, 3.6, 2.3, 4.8, 4.8, 0, 3.4, 0.1], carbonKg: 1.3, brands: DAIRY },
  cheese: { diet: ['VEGETARIAN', 'GLUTEN_FREE', 'NUT_FREE'], nutrition: [360, 28, 18, 1.5, 0.5, 0, 25, 1.7], carbonKg: 5.5, brands: DAIRY },
  yogurt: { diet: ['VEGETARIAN', 'GLUTEN_FREE', 'NUT_FREE', 'HALAL'], nutrition: [95, 4.5, 3, 7, 6, 0, 6, 0.1], carbonKg: 1.1, brands: DAIRY },
  'butter-cream': { diet: ['VEGETARIAN', 'GLUTEN_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], nutrition: [560, 60, 38, 2.5, 2.5, 0, 1.5, 0.5], carbonKg: 4.2, brands: DAIRY },
  eggs: { diet: ['VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], nutrition: [143, 9.5, 3.1, 0.7, 0.4, 0, 12.6, 0.4], carbonKg: 1.8, brands: ['Little Acre', 'Nordic Farm'] },
  fruit: { diet: PLANT, nutrition: [60, 0.3, 0.1, 14, 11, 2.4, 0.8, 0], carbonKg: 0.6, brands: ['Sunfield', 'Casa Verde'] },
  vegetables: { diet: PLANT, nutrition: [30, 0.3, 0.1, 5, 3, 2.5, 1.5, 0.05], carbonKg: 0.4, brands: ['Sunfield', 'Little Acre'] },
  herbs: { diet: PLANT, nutrition: [30, 0.6, 0.1, 3, 0.5, 3, 3, 0.05], carbonKg: 0.3, brands: ['Little Acre'] },
  bread: { diet: ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], nutrition: [250, 2.5, 0.5, 47, 3.5, 6, 9, 1.1], carbonKg: 0.9, brands: ['Bakehouse 27', 'Everyday'] },
  pastries: { diet: ['VEGETARIAN'], nutrition: [410, 21, 12, 47, 18, 2, 7, 0.8], carbonKg: 1.6, brands: ['Bakehouse 27'] },
  meat: { diet: ['GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE'], nutrition: [220, 15, 6, 0, 0, 0, 20, 0.2], carbonKg: 12, brands: ['Harbour & Co', 'Alpenhof'] },
  poultry: { diet: ['GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL'], nutrition: [140, 4, 1.2, 0, 0, 0, 24, 0.2], carbonKg: 4.5, brands: ['Nordic Farm', 'Little Acre'] },
  fish: { diet: ['GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], nutrition: [170, 9, 2, 0, 0, 0, 21, 0.3], carbonKg: 3.2, brands: ['Harbour & Co'] },
  deli: { diet: ['GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE'], nutrition: [280, 22, 8, 1.5, 1, 0, 18, 2.4], carbonKg: 6, brands: ['Alpenhof', 'Casa Verde'] },
  'pasta-rice': { diet: ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], nutrition: [355, 1.5, 0.3, 72, 3, 3, 12, 0.01], carbonKg: 1.4, brands: ['Casa Verde', 'Everyday'] },
  canned: { diet: ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'], nutrition: [80, 1, 0.2, 12, 3, 4, 5, 0.5], carbonKg: 0.8, brands: ['Everyday', 'Casa Verde'] },
  baking: { diet: ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE', 'NUT_FREE', 'KOSHER'], nutrition: [360, 1, 0.2, 80, 30, 3, 8, 0.1], carbonKg: 0.9, brands: ['Everyday'] },
  sauces: { diet: ['VEGETARIAN', 'GLUTEN_FREE', 'NUT_FREE'], nutrition: [150, 9, 1.2, 14, 10, 1, 2, 2.2], carbonKg: 1, brands: ['Casa Verde', 'Everyday'] },
  spreads: { diet: ['VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE'], nutrition: [390, 12, 3, 60, 55, 2, 4, 0.1], carbonKg: 1.5, brands: ['Green Valley', 'Everyday'] },
  breakfast: { diet: ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE', 'HALAL', 'KOSHER'], nutrition: [380, 7, 1.3, 65, 12, 8, 11, 0.2], carbonKg: 1, brands: ['Green Valley', 'Everyday'] },
  'oils-vinegar': { diet: PLANT, nutrition: [820, 91, 13, 0, 0, 0, 0, 0], carbonKg: 3, brands: ['Casa Verde'] },
  spices: { diet: PLANT, nutrition: [300, 8, 1, 50, 3, 25, 12, 0.2], carbonKg: 0.4, brands: ['Casa Verde', 'Everyday'] },
  'ready-meals': { diet: ['NUT_FREE'], nutrition: [110, 4, 1.5, 12, 3, 1.5, 5, 0.8], carbonKg: 2.2, brands: ['Everyday'] },
  water: { diet: PLANT, nutrition: [0, 0, 0, 0, 0, 0, 0, 0.01], carbonKg: 0.3, brands: ['Pure Spring'] },
  'soft-drinks': { diet: PLANT, nutrition: [42, 0, 0, 10.6, 10.6, 0, 0, 0.01], carbonKg: 0.6, brands: ['Pure Spring', 'Everyday'] },
  juice: { diet: PLANT, nutrition: [45, 0.1, 0, 10, 9, 0.3, 0.6, 0], carbonKg: 0.9, brands: ['Sunfield', 'Pure Spring'] },
  'coffee-tea': { diet: PLANT, nutrition: [2, 0, 0, 0.3, 0, 0, 0.1, 0], carbonKg: 4, brands: ['Highland Roasters', 'Everyday'] },
  'beer-wine': { diet: ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE', 'NUT_FREE'], nutrition: [70, 0, 0, 3, 0.5, 0, 0.4, 0], carbonKg: 1.2, brands: ['Old Mill Brewery', 'Casa Verde'] },
  spirits: { diet: ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE'], nutrition: [230, 0, 0, 0, 0, 0, 0, 0], carbonKg: 2.5, brands: ['Highland Roasters'] },
  sweets: { diet: ['VEGETARIAN', 'GLUTEN_FREE'], nutrition: [520, 30, 18, 55, 50, 3, 6, 0.2], carbonKg: 2.8, brands: ['Cocoa & Co', 'Everyday'] },
  'crisps-nuts': { diet: ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE'], nutrition: [520, 32, 4, 48, 2, 5, 8, 1.2], carbonKg: 1.7, brands: ['Crunch Co', 'Everyday'] },
  biscuits: { diet: ['VEGETARIAN', 'NUT_FREE'], nutrition: [460, 19, 9, 65, 24, 4, 7, 0.7], carbonKg: 1.6, brands: ['Bakehouse 27', 'Everyday'] },
  'frozen-vegetables': { diet: PLANT, nutrition: [60, 0.8, 0.2, 9, 4, 4, 3, 0.05], carbonKg: 0.9, brands: ['Polar Kitchen'] },
  'frozen-meals': { diet: ['NUT_FREE'], nutrition: [230, 9, 4, 27, 4, 2, 10, 1.1], carbonKg: 2.5, brands: ['Polar Kitchen', 'Casa Verde'] },
  'ice-cream': { diet: ['VEGETARIAN', 'GLUTEN_FREE'], nutrition: [210, 11, 7, 24, 21, 0.5, 3.5, 0.1], carbonKg: 1.9, brands: ['Polar Kitchen', 'Alpenhof'] },
  'frozen-meat-fish': { diet: ['LACTOSE_FREE', 'NUT_FREE'], nutrition: [210, 10, 2, 16, 1, 1, 14, 0.9], carbonKg: 4, brands: ['Polar Kitchen', 'Harbour & Co'] },
  cleaning: { diet: [], carbonKg: 1.2, brands: ['Fresh Home', 'Everyday'] },
  'paper-goods': { diet: [], carbonKg: 0.8, brands: ['Fresh Home', 'Everyday'] },
  kitchen: { diet: [], carbonKg: 1, brands: ['Fresh Home'] },
  garden: { diet: [], carbonKg: 1.5, brands: ['Little Acre'] },
  'bath-body': { diet: [], carbonKg: 0.7, brands: ['Pure Care', 'Everyday'] },
  'health-hygiene': { diet: [], carbonKg: 0.5, brands: ['Pure Care'] },
  baby: { diet: [], carbonKg: 0.9, brands: ['Little Ones', 'Pure Care'] },
  pets: { diet: [], carbonKg: 2.2, brands: ['Happy Paws'] },
};

/**
 * Name words that change the diet the shelf suggests. Whole words only (no
 * "rum" in "drumsticks", no "gin" in "ginger"), and a rule only ever claims a
 * tag for what the word itself vouches for: a wrong VEGAN or GLUTEN_FREE is
 * worse than a missing one, so doubtful products lose the tag.
 */
function adjustDiet(name: string, diet: DietaryTag[]): DietaryTag[] {
  const set = new Set(diet);
  const lower = name.toLowerCase();
  const has = (pattern: RegExp) => pattern.test(lower);
  const drop = (...tags: DietaryTag[]) => tags.forEach((tag) => set.delete(tag));
  const vegan = has(/\bvegan\b/);
  // Plant drinks and yogurts stand in for dairy (soy sauce is plants too); oat biscuits are made with butter.
  if (vegan || has(/\b(oat|soy|almond|coconut) (drink|milk|yogurt)\b|\bsoy sauce\b/)) ['VEGAN', 'VEGETARIAN', 'LACTOSE_FREE'].forEach((t) => set.add(t as DietaryTag));
  if (has(/\blactose-free\b/)) set.add('LACTOSE_FREE');
  if (has(/\bgluten-free\b|\brice\b|\bquinoa\b|\blentils?\b|\bpotato(es)?\b/)) set.add('GLUTEN_FREE');
  // Wheat, barley or rye inside, and oats (not gluten-free unless certified, which would say so).
  if (!has(/\bgluten-free\b/) && has(/\b(oats?|soy sauce|liquorice|pretzels?|beer|lager|wheat|couscous|noodles)\b/)) drop('GLUTEN_FREE');
  if (has(/\b(nuts?|almond|cashews|peanuts?|hazelnut|pesto|pralines?)\b/)) drop('NUT_FREE');
  if (!vegan && has(/\b(pork|sausages?|salami|ham|chorizo|prosciutto|frankfurters?|pepperoni|dumplings|gelatine?|gummy|marshmallows?)\b/)) {
    drop('HALAL', 'KOSHER', 'VEGETARIAN');
  }
  // Fish and seafood are not vegetarian; shellfish is not kosher.
  if (has(/\b(tuna|salmon|cod|mackerel|prawns?|anchov(y|ies)|sardines?)\b/)) drop('VEGETARIAN');
  if (has(/\b(prawns?|shrimps?|mussels|crab|lobster)\b/)) drop('KOSHER');
  // Animal products that leave a product vegetarian, not vegan: egg, honey (granola is usually baked with it), milk in chocolate drinks and spreads.
  if (has(/\beggs?\b|\bhoney\b|\bgranola\b/)) drop('VEGAN');
  if (has(/\b(muesli|hot chocolate|chocolate (cereal|hazelnut spread))\b/)) drop('VEGAN', 'LACTOSE_FREE');
  // Wine is often fined with egg, milk protein or isinglass; parmesan is made with animal rennet.
  if (has(/\bwine\b|\bprosecco\b/)) drop('VEGAN');
  if (has(/\b(parmesan|pesto)\b/)) drop('VEGETARIAN');
  if (has(/\b(beer|lager|wine|prosecco|cider|whisky|gin|vodka|rum|brandy|liqueur)\b/) && !has(/\bvinegar\b/)) drop('HALAL');
  if (!set.has('VEGETARIAN')) drop('VEGAN');
  return ALL.filter((tag) => set.has(tag));
}

export interface DemoProduct extends NewProduct {
  id: string;
  categorySlug: string;
  createdAt: Date;
}

export interface DemoStore extends StoreFields {
  id: string;
  productIds: string[];
}

export function demoSku(name: string): string {
  return slugify(name, 64);
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

function labelsFor(name: string, parentSlug: string, random: () => number): SustainabilityLabel[] {
  const labels = new Set<SustainabilityLabel>();
  const lower = name.toLowerCase();
  if (lower.includes('organic') || random() < 0.12) labels.add('ORGANIC');
  if (/coffee|tea|chocolate|banana|cocoa|praline/.test(lower) && random() < 0.7) labels.add('FAIR_TRADE');
  if ((parentSlug === 'produce' || parentSlug === 'bakery' || parentSlug === 'dairy') && random() < 0.4) labels.add('LOCAL');
  if (/salmon|cod|tuna|mackerel|prawns|fish/.test(lower) && random() < 0.8) labels.add('MSC_CERTIFIED');
  if (/eggs|chicken|pork|beef|lamb|turkey/.test(lower) && random() < 0.4) labels.add('ANIMAL_WELFARE');
  if (random() < 0.3) labels.add('RECYCLABLE_PACKAGING');
  if (parentSlug === 'produce' && random() < 0.3) labels.add('SEASONAL');
  if (random() < 0.05) labels.add('PLASTIC_FREE');
  return [...labels];
}

function demoProduct(name: string, price: number, leaf: string, parentSlug: string, index: number, epoch: number): DemoProduct {
  const random = seededRandom(name);
  const profile = PROFILES[leaf]!;
  const sku = demoSku(name);
  const brand = profile.brands[Math.floor(random() * profile.brands.length)]!;
  // The README's example product keeps its plain shelf price.
  const discount = name !== 'Whole milk 1 L' && random() < 0.15 ? [10, 15, 20, 25, 30][Math.floor(random() * 5)]! : null;
  const stockRoll = random();
  const stockQuantity = stockRoll < 0.07 ? 0 : stockRoll < 0.15 ? 1 + Math.floor(random() * 5) : 10 + Math.floor(random() * 190);
  const ratingCount = Math.floor(random() * 600);
  const nutrition: Nutrition | null = profile.nutrition
    ? (Object.fromEntries(
        (['energyKcal', 'fat', 'saturatedFat', 'carbohydrates', 'sugars', 'fibre', 'protein', 'salt'] as const).map((fact, i) => [
          fact,
          round(profile.nutrition![i]! * (0.85 + random() * 0.3), fact === 'energyKcal' ? 0 : 1),
        ]),
      ) as Nutrition)
    : null;
  if (nutrition && leaf === 'milk') nutrition.extras = [{ name: 'Calcium', value: 120, unit: 'mg' }];
  const labels = labelsFor(name, parentSlug, random);
  const score = Math.max(5, Math.min(98, Math.round(70 - profile.carbonKg * 3 + labels.length * 6 + (random() - 0.5) * 30)));
  return {
    id: demoId(name),
    sku,
    // GS1 keeps numbers starting with 2 for in-store use: valid EAN-13s no real product carries.
    gtin: `0${ean13(`2${String(index + 1).padStart(11, '0')}`)}`,
    name,
    description: `${name} from ${brand}.`,
    brand,
    categorySlug: leaf,
    price: new Decimal(price.toFixed(2)),
    discountPercent: discount === null ? null : new Decimal(discount),
    images: [{ url: `/images/${sku}.jpg`, alt: name }],
    stockQuantity,
    rating: ratingCount === 0 ? null : new Decimal((3 + random() * 2).toFixed(1)),
    ratingCount,
    tags: [leaf, parentSlug, ...(labels.includes('ORGANIC') ? ['organic'] : [])],
    dietaryTags: adjustDiet(name, profile.diet),
    nutrition,
    sustainabilityScore: score,
    carbonFootprintKg: new Decimal(round(profile.carbonKg * (0.6 + random() * 0.8), 3)),
    sustainabilityLabels: labels,
    // Spread over the weeks before launch, so "newest" has an order worth showing.
    createdAt: new Date(epoch + index * 3_600_000),
  };
}

const STORES: (StoreFields & { share: number })[] = [
  { name: 'SmartCart Alexanderplatz', city: 'Berlin', latitude: 52.5219, longitude: 13.4132, share: 0.9 },
  { name: 'SmartCart Kreuzberg', city: 'Berlin', latitude: 52.4986, longitude: 13.4183, share: 0.7 },
  { name: 'SmartCart Altona', city: 'Hamburg', latitude: 53.5503, longitude: 9.9354, share: 0.75 },
  { name: 'SmartCart Schwabing', city: 'Munich', latitude: 48.1642, longitude: 11.5866, share: 0.8 },
  { name: 'SmartCart Ehrenfeld', city: 'Cologne', latitude: 50.9497, longitude: 6.9188, share: 0.6 },
  { name: 'SmartCart Neubau', city: 'Vienna', latitude: 48.2016, longitude: 16.3491, share: 0.65 },
];

/** The demo catalog: about 300 products on the standard tree, and six stores each stocking a share of them. */
export function demoCatalog(): { products: DemoProduct[]; stores: DemoStore[] } {
  const parentOf = new Map(standardCategories().map((c) => [c.slug, c.parentSlug ?? c.slug]));
  const epoch = Date.UTC(2025, 0, 6);
  const products = Object.entries(SHELVES).flatMap(([leaf, shelf]) => shelf.map(([name, price]) => ({ name, price, leaf })))
    .map(({ name, price, leaf }, index) => demoProduct(name, price, leaf, parentOf.get(leaf)!, index, epoch));
  const stores = STORES.map(({ share, ...store }) => {
    const random = seededRandom(`store:${store.name}`);
    return { ...store, id: demoId(`store:${store.name}`), productIds: products.filter(() => random() < share).map((p) => p.id) };
  });
  return { products, stores };
}
