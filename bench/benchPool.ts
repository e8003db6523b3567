import { performance } from 'node:perf_hooks';

/** What the bench needs of an image reader pool (vision/workerPool.ts). */
export interface ImageReaderPool<R> {
  read(bytes: Uint8Array): Promise<R>;
  workerRssBytes(): number[];
}

export interface PoolRun {
  /** Images read in the timed run: `rounds` times the set. */
  images: number;
  /** Images per second, in all. */
  rate: number;
  /** Per image, ms; queueing excluded (one image per worker at a time). */
  samples: number[];
  /** The sum of `count` over the images read. */
  counted: number;
  /** The warm-up: one image per worker at once, ms (a cold worker's first answer). */
  coldMs: number;
  /** The largest process RSS a worker reported after the run (worker threads share it). */
  rssBytes: number;
}

/**
 * Runs `rounds` times the image set through a pool of `workers`, each worker
 * kept busy (as many images in flight as workers), after a warm-up of one image
 * per worker (each starts and loads its libraries and models on its first).
 * `count` scores each read (read or not, lines read exactly).
 */
export async function benchPool<T extends { bytes: Uint8Array }, R>(
  pool: ImageReaderPool<R>,
  workers: number,
  set: readonly T[],
  rounds: number,
  count: (image: T, result: R) => number,
): Promise<PoolRun> {
  const coldStart = performance.now();
  await Promise.all(Array.from({ length: workers }, () => pool.read(set[0]!.bytes)));
  const coldMs = performance.now() - coldStart;
  const work = Array.from({ length: rounds }, () => set).flat();
  const samples: number[] = [];
  let counted = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < work.length) {
        const image = work[next++]!;
        const t = performance.now();
        const result = await pool.read(image.bytes);
        samples.push(performance.now() - t);
        counted += count(image, result);
      }
    }),
  );
  const rate = work.length / ((performance.now() - started) / 1000);
  return { images: work.length, rate, samples, counted, coldMs, rssBytes: Math.max(...pool.workerRssBytes()) };
}
