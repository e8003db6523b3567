import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../platform/paths';
import { barcodePng, blurred } from '../test/support/barcodeImages';
import { BarcodeReaderPool } from '../subgraphs/recommendations/vision/barcodeReaderPool';
import { percentile } from './percentiles';

// Barcode reading through the worker pool recommend(context: { image }) uses:
// zxing's 34 EAN-13 phone photos (Apache-2.0, the ZXing authors; read from the
// shared data folder) and generated barcodes (clean PNG, blurred JPEG), each
// pool size kept full (as many images in flight as workers). Prints images/s
// in all and per worker, p50/p99 time per image (queueing excluded: one image
// per worker at a time) and the process RSS (worker threads share it).
//
//   npm run bench:vision [-- <rounds> <max workers>]   (default 3 rounds, up to 2 workers)

const ROUNDS = Number(process.argv[2] ?? 3);
const MAX_WORKERS = Number(process.argv[3] ?? 2);
const PHOTOS = path.join(projectRoot, '..', 'shared', 'data', 'barcodes-ean13');

async function images(): Promise<{ name: string; bytes: Buffer }[]> {
  const photos = fs.existsSync(PHOTOS)
    ? fs.readdirSync(PHOTOS).filter((f) => f.endsWith('.png')).map((f) => ({ name: 'photo', bytes: fs.readFileSync(path.join(PHOTOS, f)) }))
    : [];
  const codes = ['4006381333931', '5901234123457', '9780201379624', '4003994155486'];
  const clean = await Promise.all(codes.map(async (code) => ({ name: 'generated', bytes: await barcodePng('ean13', code) })));
  const soft = await Promise.all(clean.map(async ({ bytes }) => ({ name: 'blurred', bytes: await blurred(bytes, 1.2) })));
  return [...photos, ...clean, ...soft];
}

async function main(): Promise<void> {
  const set = await images();
  const baseRss = process.memoryUsage.rss();
  console.log(`${set.length} images (${set.filter((i) => i.name === 'photo').length} photos), ${ROUNDS} rounds; RSS before any worker ${(baseRss / 2 ** 20).toFixed(0)} MB`);
  console.log('workers   images   images/s   per worker   p50 ms   p99 ms   read   RSS MB');
  for (let workers = 1; workers <= MAX_WORKERS; workers++) {
    const pool = new BarcodeReaderPool({ workers, queue: 0, timeoutMs: 60_000, maxPixels: 40_000_000 });
    // Warm-up: workers start and load sharp and zxing on their first image.
    await Promise.all(Array.from({ length: workers }, () => pool.read(set[0]!.bytes)));
    const work = Array.from({ length: ROUNDS }, () => set).flat();
    const samples: number[] = [];
    let read = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < work.length) {
          const image = work[next++]!;
          const t = performance.now();
          if (await pool.read(image.bytes)) read += 1;
          samples.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const rate = work.length / seconds;
    const rss = Math.max(...pool.workerRssBytes());
    console.log(
      `${String(workers).padStart(7)} ${String(work.length).padStart(8)} ${rate.toFixed(1).padStart(10)} ${(rate / workers).toFixed(1).padStart(12)} ${percentile(samples, 50).toFixed(1).padStart(8)} ${percentile(samples, 99).toFixed(1).padStart(8)} ${String(read).padStart(6)} ${(rss / 2 ** 20).toFixed(0).padStart(8)}`,
    );
    await pool.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
