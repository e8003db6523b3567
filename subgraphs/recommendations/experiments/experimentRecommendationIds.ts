// A recommendation served inside an experiment carries its experiment and
// variant in its id: "x.<experiment ref>.<variant key>.<the engine's id>".
// Clients already echo recommendation ids in trackEvent and addToCart, so
// outcomes are attributed to the variant that served them without a lookup
// per served list; the id stays within the 64 characters the users subgraph
// accepts (ref 10, key at most 16, the engine's id at most 24).

const PREFIX = 'x';
export const EXPERIMENT_REF_LENGTH = 10;
export const VARIANT_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,15}$/;
const REF_PATTERN = /^[a-z0-9]{10}$/;
const MAX_BASE_LENGTH = 24;

export interface TaggedRecommendation {
  experimentRef: string;
  variantKey: string;
  /** The engine's own id (strategy code and product). */
  baseId: string;
}

export function tagRecommendationId(experimentRef: string, variantKey: string, baseId: string): string {
  if (!REF_PATTERN.test(experimentRef)) throw new Error(`bad experiment ref ${experimentRef}`);
  if (!VARIANT_KEY_PATTERN.test(variantKey)) throw new Error(`bad variant key ${variantKey}`);
  if (baseId.length === 0 || baseId.length > MAX_BASE_LENGTH) throw new Error(`recommendation id ${baseId} is too long to tag`);
  return `${PREFIX}.${experimentRef}.${variantKey}.${baseId}`;
}

/** null for an id that was not served inside an experiment (or is not well formed). */
export function parseRecommendationId(id: string | null | undefined): TaggedRecommendation | null {
  if (!id || !id.startsWith(`${PREFIX}.`)) return null;
  const [, experimentRef, variantKey, ...rest] = id.split('.');
  const baseId = rest.join('.');
  if (!experimentRef || !REF_PATTERN.test(experimentRef) || !variantKey || !VARIANT_KEY_PATTERN.test(variantKey) || !baseId || baseId.length > MAX_BASE_LENGTH) return null;
  return { experimentRef, variantKey, baseId };
}
