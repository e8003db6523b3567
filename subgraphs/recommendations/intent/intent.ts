import type { ImageIntent } from '../vision/imageIntent';

/** The values of the products subgraph's `DietaryTag` enum. */
export type DietaryTag = 'VEGAN' | 'VEGETARIAN' | 'GLUTEN_FREE' | 'LACTOSE_FREE' | 'NUT_FREE' | 'HALAL' | 'KOSHER';

export type PriceSensitivity = 'BUDGET' | 'PREMIUM';

/** PREFER ranks sustainable products higher; ONLY keeps nothing else. */
export type SustainabilityPreference = 'PREFER' | 'ONLY';

/** "2 l", "500 g", "6 pack", "a dozen": how much of an item was asked for. */
export interface Quantity {
  amount: number;
  /** Normalised: l, ml, cl, kg, g, oz, lb, pack; null for a plain count ("3 apples", "a dozen eggs"). */
  unit: string | null;
}

/** One product asked for in a request: "milk, eggs and bread" has three. */
export interface IntentItem {
  /** The words of the request that name it, as written (lower case). */
  text: string;
  /** The product-type words (the head of the phrase: "pizza" in "frozen pizza"), singular; ranked above everything else. */
  productTerms: string[];
  /** Its categories, the product type's first. */
  categoryIds: string[];
  /** Its meaningful words, product terms included. */
  keywords: string[];
  quantity: Quantity | null;
  /** Diets apply to every item of the request (they are about the shopper). */
  dietaryTags: DietaryTag[];
  /** Its own modifiers, else those said for the whole request ("organic, please: milk and eggs"). */
  sustainability: SustainabilityPreference | null;
  organic: SustainabilityPreference | null;
  priceSensitivity: PriceSensitivity | null;
}

/** What a shopper's free text was understood as. */
export interface Intent {
  /** The input, trimmed. */
  text: string;
  /** Matched category ids from the vocabulary, best first. */
  categoryIds: string[];
  /** Remaining meaningful words: singular, lower case, without stop words or words already mapped to a slot. */
  keywords: string[];
  /** Decimal string with 2 places, such as "5.00". */
  maxPrice: string | null;
  minPrice: string | null;
  priceSensitivity: PriceSensitivity | null;
  dietaryTags: DietaryTag[];
  sustainability: SustainabilityPreference | null;
  /** "organic" / "bio": PREFER boosts nothing by itself; ONLY ("only organic") keeps products with the ORGANIC label. */
  organic: SustainabilityPreference | null;
  /**
   * Words of products the shopper does not want ("no nuts", "without palm oil"), singular, one phrase per entry.
   * An allergen stands for its family ("nut" also excludes peanuts, almonds, hazelnuts…).
   */
  excluded: string[];
  /** The products asked for, in order; one per item of "milk, eggs and bread". Empty when the text names no product. */
  items: IntentItem[];
  nearMe: boolean;
  healthy: boolean;
  /** 0–1: the share of content words mapped to a slot; 0.1 when nothing was. */
  confidence: number;
  /** Present when the request was a photo: what was read in it (vision/imageIntent.ts). */
  image?: ImageIntent | null;
}

export interface VocabularyCategory {
  id: string;
  name: string;
  slug: string;
  synonyms?: string[];
}

/**
 * The catalog words detectIntent can map to ids. Treated as immutable: what is
 * derived from `categories` is cached per array, so pass a new array when the
 * catalog's categories change.
 */
export interface IntentVocabulary {
  categories: readonly VocabularyCategory[];
  /**
   * The catalog's product names: their words are what typos are corrected to ("spagetti" → "spaghetti")
   * and what makes a phrase an item. Cached per array like `categories`.
   */
  productNames?: readonly string[];
}
