import type { CoOccurrence } from './coOccurrence';
import { fitEase } from './ease';

export interface BasketModelOptions {
  /** EASE runs on the most-bought items; the long tail uses pairwise counts. */
  coreSize: number;
  /** EASE regularisation per training basket (λ = lambdaPerBasket × baskets). */
  lambdaPerBasket: number;
  /** Weight of an item's basket share, the prior every list starts from. */
  popularityWeight: number;
  /** Scale of pairwise evidence (tail pairs, and co-purchases since the last fit). */
  pairWeight: number;
  /** Pseudo-baskets that pull a rare item's conditional probabilities toward its base rate. */
  shrinkage: number;
}

export const defaultBasketModelOptions: BasketModelOptions = {
  coreSize: 1500,
  lambdaPerBasket: 0.12,
  popularityWeight: 0.1,
  pairWeight: 0.5,
  shrinkage: 5,
};

/** A fitted model as a snapshot keeps it (binary: see modelSnapshotRepository.ts). */
export interface FittedBasketModel {
  /** The options it was fitted with: another coreSize or λ needs a new fit. */
  coreSize: number;
  lambda: number;
  core: Int32Array;
  /** core × core EASE weights, row-major. */
  weights: Float32Array;
}

/**
 * What one EASE fit needs, taken from the counts at one moment: the core (the
 * most-bought items) and its Gram matrix. Plain typed arrays, so the fit can
 * run in a worker thread (the Gram matrix is transferred, not copied).
 */
export interface BasketFitInput {
  coreSize: number;
  lambda: number;
  core: Int32Array;
  /** core × core basket counts (diagonal) and pair counts, row-major; consumed by the fit. */
  gram: Float64Array;
}

/** What a fit gives back: the weights, and the core's pair counts as they were (the fit consumed the Gram matrix). */
export interface BasketFitOutput {
  weights: Float32Array;
  fittedPairs: Float32Array;
}

/**
 * The expensive part of a fit (about n³ multiply-adds for an n-item core),
 * pure and free of the engine: the same function runs on the event loop
 * (`BasketModel.fit`) and in the refit worker, so both give the same model.
 */
export function fitBasketWeights(input: BasketFitInput): BasketFitOutput {
  const n = input.core.length;
  if (input.gram.length !== n * n) throw new Error(`Gram matrix of ${input.gram.length} entries for a core of ${n}`);
  // Taken before the fit: fitEase overwrites the Gram matrix with its inverse.
  const fittedPairs = Float32Array.from(input.gram);
  const weights = n > 0 ? Float32Array.from(fitEase(input.gram, n, input.lambda)) : new Float32Array(0);
  return { weights, fittedPairs };
}

function lambdaFor(co: CoOccurrence, options: BasketModelOptions): number {
  return Math.max(1, options.lambdaPerBasket * co.baskets);
}

/** The core's positions and its Gram matrix (basket counts on the diagonal, pair counts off it). */
function positionsOf(co: CoOccurrence, itemCount: number, core: Int32Array): Int32Array {
  const corePosition = new Int32Array(Math.max(itemCount, co.itemCounts.length)).fill(-1);
  core.forEach((item, position) => (corePosition[item] = position));
  return corePosition;
}

/** The core's positions and its Gram matrix (basket counts on the diagonal, pair counts off it). */
function coreGram(co: CoOccurrence, itemCount: number, core: Int32Array): { corePosition: Int32Array; gram: Float64Array } {
  const n = core.length;
  const corePosition = positionsOf(co, itemCount, core);
  const gram = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const item = core[a]!;
    gram[a * n + a] = co.count(item);
    co.forEachPartner(item, (other, count) => {
      const b = corePosition[other] ?? -1;
      if (b >= 0) gram[a * n + b] = count;
    });
  }
  return { corePosition, gram };
}

/**
 * Basket completion: given the items in a basket, how likely each other item
 * joins it. EASE weights for the core catalog, pairwise conditional
 * probabilities for the tail and for co-purchases newer than the last fit,
 * plus a small popularity prior. Measured on real baskets by `npm run eval`.
 */
export class BasketModel {
  private constructor(
    private readonly co: CoOccurrence,
    private readonly options: BasketModelOptions,
    /** λ of the fit (it grows with the baskets counted, so it is the fit's, not the counts' of now). */
    private readonly lambda: number,
    /** item index → position in the core, or -1. */
    private readonly corePosition: Int32Array,
    private readonly core: Int32Array,
    private readonly weights: Float32Array,
    /** Pair counts of the core when it was fitted, to add only what came later. */
    private readonly fittedPairs: Float32Array,
  ) {}

  /** Fits on the event loop: prepare, fitBasketWeights, install in one go. */
  static fit(co: CoOccurrence, itemCount: number, options: BasketModelOptions = defaultBasketModelOptions): BasketModel {
    const input = BasketModel.prepare(co, itemCount, options);
    return BasketModel.fromFit(co, itemCount, options, input, fitBasketWeights(input));
  }

  /** The cheap part of a fit, on the counts as they are now: the core and its Gram matrix. */
  static prepare(co: CoOccurrence, itemCount: number, options: BasketModelOptions = defaultBasketModelOptions): BasketFitInput {
    const ranked = Array.from({ length: itemCount }, (_, i) => i)
      .filter((i) => co.count(i) > 0)
      .sort((a, b) => co.count(b) - co.count(a) || a - b)
      .slice(0, options.coreSize);
    const core = Int32Array.from(ranked);
    const { gram } = coreGram(co, itemCount, core);
    return { coreSize: options.coreSize, lambda: lambdaFor(co, options), core, gram };
  }

  /**
   * The model of a finished fit over the live counts `co` (those it was
   * prepared from: what they counted since is scored as newer pairs).
   */
  static fromFit(co: CoOccurrence, itemCount: number, options: BasketModelOptions, input: BasketFitInput, output: BasketFitOutput): BasketModel {
    const n = input.core.length;
    if (output.weights.length !== n * n || output.fittedPairs.length !== n * n) throw new Error(`fit of ${output.weights.length} weights for a core of ${n}`);
    return new BasketModel(co, options, input.lambda, positionsOf(co, itemCount, input.core), input.core, output.weights, output.fittedPairs);
  }

  /**
   * A model fitted earlier on exactly these counts (from a snapshot), without
   * fitting again: the EASE fit inverts a core × core matrix, which is most of
   * a replica's start. Null when it does not match the counts or the options.
   */
  static restore(co: CoOccurrence, itemCount: number, options: BasketModelOptions, fitted: FittedBasketModel): BasketModel | null {
    const n = fitted.core.length;
    if (!(fitted.core instanceof Int32Array) || !(fitted.weights instanceof Float32Array) || fitted.weights.length !== n * n) return null;
    if (fitted.coreSize !== options.coreSize || fitted.lambda !== lambdaFor(co, options) || n > options.coreSize) return null;
    for (const item of fitted.core) if (item < 0 || co.count(item) <= 0) return null;
    const { corePosition, gram } = coreGram(co, itemCount, fitted.core);
    return new BasketModel(co, options, fitted.lambda, corePosition, fitted.core, fitted.weights, Float32Array.from(gram));
  }

  /** What restore() needs: the core and its weights (the pair counts are the co-occurrence's). */
  fitted(): FittedBasketModel {
    return { coreSize: this.options.coreSize, lambda: this.lambda, core: this.core, weights: this.weights };
  }

  get coreSize(): number {
    return this.core.length;
  }

  /** Adds each item's score for the basket `context` into `out` (length ≥ item count). */
  score(context: readonly number[], out: Float64Array): void {
    const { co } = this;
    const n = this.core.length;
    const { pairWeight, shrinkage, popularityWeight } = this.options;
    for (const j of context) {
      const cj = this.corePosition[j] ?? -1;
      if (cj >= 0) {
        const row = cj * n;
        for (let ci = 0; ci < n; ci++) out[this.core[ci]!]! += this.weights[row + ci]!;
      }
      const nj = co.count(j) + shrinkage;
      co.forEachPartner(j, (i, count) => {
        const ci = this.corePosition[i] ?? -1;
        // Core pairs are in the EASE weights already, up to what came after the fit.
        const fresh = cj >= 0 && ci >= 0 ? count - this.fittedPairs[cj * n + ci]! : count;
        if (fresh > 0) out[i]! += (pairWeight * fresh) / nj;
      });
    }
    const baskets = Math.max(1, co.baskets);
    for (let i = 0; i < co.itemCounts.length && i < out.length; i++) out[i]! += (popularityWeight * co.itemCounts[i]!) / baskets;
  }

  /** The basket item that most explains `item`, for the reason shown to the shopper. */
  strongestLink(context: readonly number[], item: number): number | undefined {
    let best: number | undefined;
    let bestCount = 0;
    for (const j of context) {
      const count = this.co.together(j, item);
      const lift = count / Math.max(1, this.co.count(j));
      if (count > 0 && lift > bestCount) {
        bestCount = lift;
        best = j;
      }
    }
    return best;
  }
}
