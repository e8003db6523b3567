import { rules, z } from '../../../platform/validation';
import { text } from './productInput';

// Validation of categories and stores, for the admin mutations.

export const slug = z
  .string({ error: (issue) => (issue.input === null ? 'must not be null' : 'must be text') })
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits separated by single dashes');

export const createCategorySchema = z.strictObject({
  name: text(120),
  slug: slug.nullish(),
  parentId: rules.uuid.nullish(),
});

export const updateCategorySchema = z.strictObject({
  name: text(120).optional(),
  slug: slug.optional(),
  parentId: rules.uuid.nullable().optional(),
});

const latitude = z.number({ error: (issue) => (issue.input === null ? 'must not be null' : 'must be a number') }).pipe(rules.latitude);
const longitude = z.number({ error: (issue) => (issue.input === null ? 'must not be null' : 'must be a number') }).pipe(rules.longitude);

const storeFields = { name: text(120), city: text(120), latitude, longitude };

export const createStoreSchema = z.strictObject(storeFields);

export const updateStoreSchema = z.strictObject({
  name: storeFields.name.optional(),
  city: storeFields.city.optional(),
  latitude: latitude.optional(),
  longitude: longitude.optional(),
});

export const storeProductIds = z
  .array(rules.uuid)
  .max(10_000, 'must have at most 10000 entries')
  .transform((ids) => [...new Set(ids)]);
