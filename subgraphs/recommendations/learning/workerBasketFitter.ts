import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BasketFitInput, BasketFitOutput } from '../engine/basketModel';
import type { FitReply, FitRequest } from './basketFitWorker';
import type { BasketFitter } from './basketFitter';

/** The worker's file beside this one: `.ts` when run from source (tsx, the tests), `.js` when built. */
const DEFAULT_WORKER = path.join(__dirname, `basketFitWorker${path.extname(__filename)}`);

export interface WorkerBasketFitterOptions {
  /** Another worker script (tests: one that crashes). */
  workerPath?: string;
}

/**
 * Fits in a worker thread, so the event loop keeps serving requests from the
 * current model meanwhile. One thread, started on the first fit and kept for
 * the next; a thread that dies (a crash, out of memory) fails the fit in
 * progress and is replaced at the next one. It never keeps the process alive
 * while idle.
 */
export class WorkerBasketFitter implements BasketFitter {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (output: BasketFitOutput) => void; reject: (error: Error) => void }>();
  private readonly workerPath: string;

  constructor(options: WorkerBasketFitterOptions = {}) {
    this.workerPath = options.workerPath ?? DEFAULT_WORKER;
  }

  fit(input: BasketFitInput): Promise<BasketFitOutput> {
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise<BasketFitOutput>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      // The Gram matrix is moved, not copied (core² doubles: 18 MB for 1,500 items).
      worker.postMessage({ id, input } satisfies FitRequest, [input.gram.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the basket fitter was closed'));
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const worker = path.extname(this.workerPath) === '.ts'
      ? // From source: the thread registers tsx itself (a worker does not inherit the loader of a test runner).
        new Worker(`const { workerData } = require('node:worker_threads'); require(workerData.tsx).register(); require(workerData.file);`, {
          eval: true,
          workerData: { tsx: require.resolve('tsx/cjs/api'), file: this.workerPath },
        })
      : new Worker(this.workerPath);
    worker.unref();
    worker.on('message', (reply: FitReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) waiting.reject(new Error(`basket model fit failed: ${reply.error}`));
      else waiting.resolve({ weights: reply.weights, fittedPairs: reply.fittedPairs });
    });
    worker.on('error', (error) => this.lost(worker, new Error(`basket fit worker failed: ${error.message}`)));
    worker.on('exit', (code) => this.lost(worker, new Error(`basket fit worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** A dead thread: whatever it was fitting fails, the next fit starts a new one. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
