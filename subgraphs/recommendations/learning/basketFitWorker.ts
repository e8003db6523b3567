import { parentPort } from 'node:worker_threads';
import { fitBasketWeights, type BasketFitInput } from '../engine/basketModel';

// The refit worker's thread (started by WorkerBasketFitter): one fit per
// message, the same function the event loop would run. The Gram matrix
// arrives transferred; the weights and pair counts go back transferred.

export interface FitRequest {
  id: number;
  input: BasketFitInput;
}

export type FitReply = { id: number; weights: Float32Array; fittedPairs: Float32Array } | { id: number; error: string };

parentPort?.on('message', (request: FitRequest) => {
  try {
    const { weights, fittedPairs } = fitBasketWeights(request.input);
    parentPort!.postMessage({ id: request.id, weights, fittedPairs } satisfies FitReply, [weights.buffer as ArrayBuffer, fittedPairs.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).message || String(error) } satisfies FitReply);
  }
});
