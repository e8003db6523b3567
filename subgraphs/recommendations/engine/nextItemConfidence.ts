/**
 * What cart completion's `confidence` means: the estimated probability that
 * the item is the next one the shopper adds to this cart.
 *
 * The basket model's score of an item is a shrunk linear estimate of how
 * likely it joins a basket like this one (EASE is a ridge regression of each
 * item on the rest of the basket, plus pairwise evidence and a popularity
 * prior), so scores are roughly proportional to those chances; ridge
 * shrinkage flattens strong links, which `sharpness` (an exponent on the
 * scores, EngineOptions.confidenceSharpness) partly undoes. Normalised over
 * every item that could be added next (a positive score, merchandise, not
 * already in the cart), they become one distribution over the next item: the
 * confidences of a whole list add up to the chance that the next item is on
 * it. The filters of a request do not change it (a list narrowed to one aisle
 * says how likely each item is, not how likely it is among that aisle).
 * `npm run eval` checks it on held-out real baskets (reliability table, ECE).
 */
export function nextItemConfidence(scores: Float64Array, eligible: (index: number) => boolean, sharpness = 1): (index: number) => number {
  let mass = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0 && eligible(i)) mass += scores[i]! ** sharpness;
  return (index) => (mass > 0 && scores[index]! > 0 && eligible(index) ? scores[index]! ** sharpness / mass : 0);
}
