// What signing in does to the known shopper when an anonymous session's
// shopper is merged into it. Pure: the transaction lives in signIn.ts.

export const MAX_QUANTITY = 999;

export interface MergeablePreferences {
  budgetLimit: { toString(): string } | null;
  sustainabilityPreference: string;
  dietaryRestrictions: string[];
  latitude: number | null;
  longitude: number | null;
  city: string | null;
  favouriteCategoryIds: string[];
}

/**
 * The known shopper's preferences win wherever it has one; the anonymous
 * shopper's fill only the ones it never set. Returns just the fields to change.
 */
export function mergedPreferences(known: MergeablePreferences, anonymous: MergeablePreferences): Partial<MergeablePreferences> {
  const update: Partial<MergeablePreferences> = {};
  if (known.budgetLimit === null && anonymous.budgetLimit !== null) update.budgetLimit = anonymous.budgetLimit;
  if (known.sustainabilityPreference === 'NONE' && anonymous.sustainabilityPreference !== 'NONE') {
    update.sustainabilityPreference = anonymous.sustainabilityPreference;
  }
  if (known.dietaryRestrictions.length === 0 && anonymous.dietaryRestrictions.length > 0) update.dietaryRestrictions = anonymous.dietaryRestrictions;
  if (known.latitude === null && anonymous.latitude !== null) {
    update.latitude = anonymous.latitude;
    update.longitude = anonymous.longitude;
    update.city = anonymous.city;
  }
  if (known.favouriteCategoryIds.length === 0 && anonymous.favouriteCategoryIds.length > 0) update.favouriteCategoryIds = anonymous.favouriteCategoryIds;
  return update;
}

/** A product in both carts: the quantities add up, within the cart's per-product cap. */
export function mergedQuantity(known: number | undefined, anonymous: number): number {
  return Math.min(MAX_QUANTITY, (known ?? 0) + anonymous);
}
