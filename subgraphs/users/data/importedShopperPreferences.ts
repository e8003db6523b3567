import type { PrismaClient } from '../../../platform/database/database';

/** Preferences of a shopper known by the customer id of an imported order history. */
export interface ImportedShopperPreferences {
  externalId: string;
  dietaryRestrictions: string[];
  budgetLimit: string | null;
  sustainabilityPreference: 'NONE' | 'PREFER' | 'ONLY';
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** Sets the preferences of imported shoppers in one statement; returns how many shoppers it found. */
export async function setImportedShopperPreferences(prisma: PrismaClient, rows: readonly ImportedShopperPreferences[]): Promise<number> {
  if (rows.length === 0) return 0;
  // Diets travel as comma-joined text: unnest cannot take an array of arrays of unequal length.
  return prisma.$executeRaw`
    UPDATE "shoppers"."shopper" AS s
    SET dietary_restrictions = CASE WHEN t.diets = '' THEN ARRAY[]::text[] ELSE string_to_array(t.diets, ',') END,
        budget_limit = t.budget, sustainability_preference = t.sustainability,
        city = t.city, latitude = t.latitude, longitude = t.longitude
    FROM unnest(${rows.map((r) => r.externalId)}::text[], ${rows.map((r) => r.dietaryRestrictions.join(','))}::text[],
                ${rows.map((r) => r.budgetLimit)}::numeric[], ${rows.map((r) => r.sustainabilityPreference)}::text[],
                ${rows.map((r) => r.city)}::text[], ${rows.map((r) => r.latitude)}::float8[], ${rows.map((r) => r.longitude)}::float8[])
      AS t(external_id, diets, budget, sustainability, city, latitude, longitude)
    WHERE s.external_id = t.external_id`;
}
