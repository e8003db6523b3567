import crypto from 'node:crypto';

// Which variant a shopper sees: a pure function of the experiment and the
// shopper, so every replica, every request and every restart agrees without
// storing an assignment, and a shopper never flips between variants.

export interface WeightedVariant {
  key: string;
  /** Relative share of traffic (positive integer). */
  weight: number;
}

/** A uniform position in [0, 1) from SHA-256 of "experiment:unit" (the first 48 bits). */
export function bucketOf(experimentId: string, unitId: string): number {
  const digest = crypto.createHash('sha256').update(`${experimentId}:${unitId}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * The variant of `unitId` in `experimentId`: its bucket falls into one
 * variant's slice of [0, 1), slices in the given order, sized by weight.
 * Hashing the experiment id with the unit keeps experiments independent: a
 * shopper in the first slice of one is not more likely to be first in another.
 */
export function assignVariant<V extends WeightedVariant>(experimentId: string, unitId: string, variants: readonly V[]): V {
  if (variants.length === 0) throw new Error('an experiment needs at least one variant');
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  if (!(total > 0)) throw new Error('variant weights must add up to more than 0');
  const position = bucketOf(experimentId, unitId) * total;
  let upTo = 0;
  for (const variant of variants) {
    upTo += variant.weight;
    if (position < upTo) return variant;
  }
  return variants[variants.length - 1]!;
}
