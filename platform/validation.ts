import { z } from 'zod';
import { badUserInput } from './errors';

export { z };

/**
 * Validates resolver input with a zod schema. The first problem becomes a
 * BAD_USER_INPUT error naming the field (dotted path) and the reason.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [root, ...issue.path.map(String)].filter(Boolean).join('.');
  throw badUserInput(field, issue.message);
}

/** Reusable field rules, so every subgraph validates the same things the same way. */
export const rules = {
  uuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID').transform((v) => v.toLowerCase()),
  /** Money: a non-negative decimal string with at most 2 decimals. */
  money: z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, 'must be an amount ≥ 0 with at most 2 decimals'),
  quantity: z.number().int('must be a whole number').min(1, 'must be between 1 and 999').max(999, 'must be between 1 and 999'),
  latitude: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
  longitude: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
  pageSize: z.number().int('must be a whole number').min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100'),
  text: (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`),
};
