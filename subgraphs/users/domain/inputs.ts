import { rules, z } from '../../../platform/validation';
import { INTERACTION_TYPES } from './interactions';

// What the users subgraph accepts, field by field. Parsed with `parseInput`,
// so a bad value becomes BAD_USER_INPUT naming the field and the reason
// before anything is read or written.

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

const commandOptions = {
  idempotencyKey: optional(z.string().min(1, 'must be 1–128 characters').max(128, 'must be 1–128 characters')),
  expectedVersion: optional(z.number().int('must be a whole number').min(0, 'must be 0 or more')),
};

export const addToCartArgs = z.object({ productId: rules.uuid, quantity: rules.quantity, recommendationId: optional(rules.text(64)), ...commandOptions });
export const addItemsToCartArgs = z.object({
  items: z
    .array(z.object({ productId: rules.uuid, quantity: rules.quantity, recommendationId: optional(rules.text(64)) }))
    .min(1, 'must have at least 1 line')
    .max(100, 'must have at most 100 lines'),
  ...commandOptions,
});
export const updateCartItemArgs = z.object({ productId: rules.uuid, quantity: rules.quantity, ...commandOptions });
export const removeFromCartArgs = z.object({ productId: rules.uuid, ...commandOptions });
export const cartOptionsArgs = z.object(commandOptions);

export const pageArgs = z.object({ first: optional(rules.pageSize).transform((value) => value ?? 20), after: optional(z.string()) });

export const SUSTAINABILITY_PREFERENCES = ['NONE', 'PREFER', 'ONLY'] as const;
export const DIETARY_TAGS = ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE', 'NUT_FREE', 'HALAL', 'KOSHER'] as const;

/** Omitted: unchanged; null: cleared. Hence `.nullable().optional()`, not `optional()` above. */
export const preferencesInput = z.object({
  budgetLimit: rules.money.nullable().optional(),
  sustainabilityPreference: z.enum(SUSTAINABILITY_PREFERENCES).nullable().optional(),
  dietaryRestrictions: z
    .array(z.enum(DIETARY_TAGS))
    .transform((tags) => [...new Set(tags)])
    .nullable()
    .optional(),
  location: z
    .object({ latitude: rules.latitude, longitude: rules.longitude, city: optional(rules.text(120)) })
    .nullable()
    .optional(),
  favouriteCategoryIds: z
    .array(rules.uuid)
    .max(20, 'must hold at most 20 ids')
    .transform((ids) => [...new Set(ids)])
    .nullable()
    .optional(),
});
export type PreferencesInput = z.output<typeof preferencesInput>;

export const trackEventInput = z
  .object({
    type: z.enum(INTERACTION_TYPES),
    productId: optional(rules.uuid),
    query: optional(rules.text(200)),
    recommendationId: optional(rules.text(64)),
  })
  .superRefine((event, context) => {
    if (event.type === 'SEARCH' && event.query === undefined) {
      context.addIssue({ code: 'custom', path: ['query'], message: 'is required for SEARCH' });
    }
    if (event.type !== 'SEARCH' && event.productId === undefined) {
      context.addIssue({ code: 'custom', path: ['productId'], message: `is required for ${event.type}` });
    }
  });
export type TrackEventInput = z.output<typeof trackEventInput>;

export const trackEventsInput = z
  .array(trackEventInput)
  .min(1, 'must hold 1–100 events')
  .max(100, 'must hold 1–100 events');
