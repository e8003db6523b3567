import type { Prisma } from '../../../prisma/generated/client/client';
import type { PreferencesInput } from './inputs';

/** Partial update: an omitted field stays as it is, null clears it (or resets it to its default). */
export function preferencesUpdate(input: PreferencesInput): Prisma.ShopperUpdateInput {
  const data: Prisma.ShopperUpdateInput = {};
  if (input.budgetLimit !== undefined) data.budgetLimit = input.budgetLimit;
  if (input.sustainabilityPreference !== undefined) data.sustainabilityPreference = input.sustainabilityPreference ?? 'NONE';
  if (input.dietaryRestrictions !== undefined) data.dietaryRestrictions = input.dietaryRestrictions ?? [];
  if (input.favouriteCategoryIds !== undefined) data.favouriteCategoryIds = input.favouriteCategoryIds ?? [];
  if (input.location !== undefined) {
    data.latitude = input.location?.latitude ?? null;
    data.longitude = input.location?.longitude ?? null;
    data.city = input.location?.city ?? null;
  }
  return data;
}
