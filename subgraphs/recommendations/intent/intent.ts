/** The values of the products subgraph's `DietaryTag` enum. */
export type DietaryTag = 'VEGAN' | 'VEGETARIAN' | 'GLUTEN_FREE' | 'LACTOSE_FREE' | 'NUT_FREE' | 'HALAL' | 'KOSHER';

export type PriceSensitivity = 'BUDGET' | 'PREMIUM';

/** PREFER ranks sustainable products higher; ONLY keeps nothing else. */
export type SustainabilityPreference = 'PREFER' | 'ONLY';

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
  nearMe: boolean;
  healthy: boolean;
  /** 0–1: the share of content words mapped to a slot; 0.1 when nothing was. */
  confidence: number;
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
}
