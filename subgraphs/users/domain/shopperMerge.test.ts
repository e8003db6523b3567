import { mergedPreferences, mergedQuantity, type MergeablePreferences } from './shopperMerge';

const unset: MergeablePreferences = {
  budgetLimit: null, sustainabilityPreference: 'NONE', dietaryRestrictions: [], latitude: null, longitude: null, city: null, favouriteCategoryIds: [],
};

it("keeps the known shopper's preferences and fills only the ones it never set", () => {
  const known = { ...unset, budgetLimit: '30.00', dietaryRestrictions: ['VEGAN'] };
  const anonymous = { ...unset, budgetLimit: '50.00', sustainabilityPreference: 'PREFER', dietaryRestrictions: ['HALAL'], latitude: 1, longitude: 2, city: 'Utrecht' };
  expect(mergedPreferences(known, anonymous)).toEqual({ sustainabilityPreference: 'PREFER', latitude: 1, longitude: 2, city: 'Utrecht' });
  expect(mergedPreferences(anonymous, anonymous)).toEqual({});
});

it('adds quantities up to the cap', () => {
  expect(mergedQuantity(undefined, 2)).toBe(2);
  expect(mergedQuantity(1, 2)).toBe(3);
  expect(mergedQuantity(990, 20)).toBe(999);
});
