import { fitBasketWeights, type BasketFitInput, type BasketFitOutput } from '../engine/basketModel';

/** Where a basket-model fit runs: a worker thread in a service, the event loop for comparison. */
export interface BasketFitter {
  /** Fits `input` (its Gram matrix may be handed over: the caller must not use it afterwards). */
  fit(input: BasketFitInput): Promise<BasketFitOutput>;
  close(): Promise<void>;
}

/** On the event loop: blocks everything else for the length of the fit. */
export const inThreadBasketFitter: BasketFitter = {
  fit: async (input) => fitBasketWeights(input),
  close: async () => undefined,
};
