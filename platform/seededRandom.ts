/** A source of numbers in [0, 1), the same sequence for the same seed. */
export interface Random {
  (): number;
}

/**
 * mulberry32: small, fast and the same on every machine. Seeded from a
 * number as is, or from a string through FNV-1a. Demo data, evaluation
 * splits, simulations and benchmarks all draw from it, so a seed means the
 * same sequence everywhere.
 */
export function seededRandom(seed: string | number): Random {
  let state: number;
  if (typeof seed === 'number') state = seed >>> 0;
  else {
    state = 2166136261;
    for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index drawn with probability proportional to its weight; -1 when every weight is 0. */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w > 0 ? w : 0;
  if (total <= 0) return -1;
  let target = random() * total;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]! > 0 ? weights[i]! : 0;
    if (target < w) return i;
    target -= w;
  }
  // Rounding left a sliver: the last positive weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return -1;
}

/** A standard normal draw (Box–Muller). */
export function gaussian(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
