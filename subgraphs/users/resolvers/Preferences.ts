import { formatMoney } from '../domain/money';
import type { DietaryTag, PreferencesResolvers, SustainabilityPreference } from '../generated/resolvers-types';

// Stored as plain columns of the shopper; the enums were validated on the way in.
export const Preferences: PreferencesResolvers = {
  budgetLimit: (shopper) => (shopper.budgetLimit === null ? null : formatMoney(shopper.budgetLimit)),
  sustainabilityPreference: (shopper) => shopper.sustainabilityPreference as SustainabilityPreference,
  dietaryRestrictions: (shopper) => shopper.dietaryRestrictions as DietaryTag[],
  location: ({ latitude, longitude, city }) => (latitude === null || longitude === null ? null : { latitude, longitude, city }),
  favouriteCategoryIds: (shopper) => shopper.favouriteCategoryIds,
};
