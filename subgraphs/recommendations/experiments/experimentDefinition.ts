import { badUserInput } from '../../../platform/errors';
import { parseInput, rules, z } from '../../../platform/validation';
import { toFilter, type FilterInput } from '../requestArgs';
import { VARIANT_KEY_PATTERN } from './experimentRecommendationIds';

// What an experiment is, and what a valid one looks like: pure, no storage.

/** Where the lists an experiment changes are served. */
export const PLACEMENTS = ['CART_SUGGESTIONS', 'SHOPPER_RECOMMENDATIONS', 'FREQUENTLY_BOUGHT_TOGETHER', 'SIMILAR_ITEMS', 'POPULAR', 'TRENDING'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** DEFAULT: what the placement serves outside the experiment (with the variant's parameters and filter). */
export const VARIANT_STRATEGIES = [
  'DEFAULT',
  'CART_COMPLETION',
  'FREQUENTLY_BOUGHT_TOGETHER',
  'SIMILAR',
  'PERSONALIZED',
  'AUTO',
  'POPULAR',
  'TRENDING',
  'BUY_IT_AGAIN',
  'RECENTLY_VIEWED',
] as const;
export type VariantStrategy = (typeof VARIANT_STRATEGIES)[number];

/** Strategies that rank from products on the page: only where the placement has some. */
const PRODUCT_STRATEGIES = new Set<VariantStrategy>(['CART_COMPLETION', 'FREQUENTLY_BOUGHT_TOGETHER', 'SIMILAR']);
const PLACEMENTS_WITH_PRODUCTS = new Set<Placement>(['CART_SUGGESTIONS', 'FREQUENTLY_BOUGHT_TOGETHER', 'SIMILAR_ITEMS']);

export type ExperimentStatus = 'DRAFT' | 'RUNNING' | 'STOPPED';

export interface VariantDefinition {
  key: string;
  weight: number;
  strategy: VariantStrategy;
  /** Diversity: the largest share of a list one aisle may fill (0–1); null keeps the engine's. */
  maxCategoryShare: number | null;
  /** Model parameter: pseudo-counts shrinking rare pairs (frequently bought together, similar, personalised); null keeps the engine's. */
  pairShrinkage: number | null;
  /** Added to every request's filter (the request's own values win where both set one). */
  filter: FilterInput | null;
}

export interface ExperimentDefinition {
  id: string;
  ref: string;
  name: string;
  placement: Placement;
  status: ExperimentStatus;
  alpha: number;
  variants: VariantDefinition[];
  createdAt: Date;
  startedAt: Date | null;
  stoppedAt: Date | null;
}

const variantSchema = z.object({
  key: z.string().regex(VARIANT_KEY_PATTERN, 'must be 1–16 characters: a–z, 0–9, - and _, starting with a letter or digit'),
  weight: z.number().int('must be a whole number').min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100'),
  strategy: z.enum(VARIANT_STRATEGIES).nullish().transform((v) => v ?? 'DEFAULT'),
  maxCategoryShare: z.number().gt(0, 'must be more than 0 and at most 1').max(1, 'must be more than 0 and at most 1').nullish().transform((v) => v ?? null),
  pairShrinkage: z.number().min(0, 'must be between 0 and 1000').max(1000, 'must be between 0 and 1000').nullish().transform((v) => v ?? null),
  filter: z.record(z.string(), z.unknown()).nullish().transform((v) => (v ? (v as FilterInput) : null)),
});

export const createExperimentSchema = z.object({
  name: rules.text(120),
  placement: z.enum(PLACEMENTS),
  variants: z.array(variantSchema).min(2, 'must hold 2–5 variants (the first is the control)').max(5, 'must hold 2–5 variants (the first is the control)'),
  alpha: z.number().gt(0, 'must be more than 0 and at most 0.2').max(0.2, 'must be more than 0 and at most 0.2').nullish().transform((v) => v ?? 0.05),
  start: z.boolean().nullish().transform((v) => v ?? true),
});
export type CreateExperimentInput = z.output<typeof createExperimentSchema>;

/** Validates a new experiment; BAD_USER_INPUT names the field (input.variants.1.strategy …). */
export function parseExperimentInput(input: unknown): CreateExperimentInput {
  const parsed = parseInput(createExperimentSchema, input, 'input');
  const keys = new Set<string>();
  parsed.variants.forEach((variant, i) => {
    if (keys.has(variant.key)) throw badUserInput(`input.variants.${i}.key`, `repeats ${variant.key}: variant keys must be distinct`);
    keys.add(variant.key);
    if (PRODUCT_STRATEGIES.has(variant.strategy) && !PLACEMENTS_WITH_PRODUCTS.has(parsed.placement)) {
      throw badUserInput(`input.variants.${i}.strategy`, `${variant.strategy} needs products to start from; ${parsed.placement} has none`);
    }
    // The filter is checked now, as requests will read it (prices, ids, tags), so a bad one never goes live.
    if (variant.filter) toFilterChecked(variant.filter, `input.variants.${i}.filter`);
  });
  return parsed;
}

function toFilterChecked(filter: FilterInput, field: string): void {
  try {
    toFilter(filter);
  } catch (error) {
    const extensions = (error as { extensions?: { field?: string; reason?: string } }).extensions;
    throw badUserInput(extensions?.field ? `${field}.${extensions.field.replace(/^filter\.?/, '')}`.replace(/\.$/, '') : field, extensions?.reason ?? 'is not a valid filter');
  }
}

/** A variant's share of traffic (0–1). */
export function shareOf(experiment: Pick<ExperimentDefinition, 'variants'>, key: string): number {
  const total = experiment.variants.reduce((sum, v) => sum + v.weight, 0);
  return (experiment.variants.find((v) => v.key === key)?.weight ?? 0) / total;
}
