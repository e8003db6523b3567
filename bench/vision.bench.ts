import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../platform/paths';
import { barcodePng, blurred } from '../test/support/barcodeImages';
import { listPng, noisyJpeg, SHOPPING_LIST } from '../test/support/listImages';
import { BarcodeReaderPool } from '../subgraphs/recommendations/vision/barcodeReaderPool';
import { cleanListLine } from '../subgraphs/recommendations/vision/cleanListLine';
import { OcrReaderPool } from '../subgraphs/recommendations/vision/ocrReaderPool';
import { demoId } from '../subgraphs/products/seed/demoId';
import { startBenchStack } from './benchStack';
import { benchPool } from './benchPool';
import { percentile } from './percentiles';

// Barcode reading through the worker pool recommend(context: { image }) uses:
// zxing's 34 EAN-13 phone photos (Apache-2.0, the ZXing authors; read from the
// shared data folder) and generated barcodes (clean PNG, blurred JPEG), each
// pool size kept full (as many images in flight as workers). Prints images/s
// in all and per worker, p50/p99 time per image (queueing excluded: one image
// per worker at a time) and the process RSS (worker threads share it).
//
// Then shopping lists through the list readers' pool (sharp + tesseract.js):
// four rendered five-line lists, each clean (PNG) and turned 2.5°, blurred and
// noisy (JPEG). Prints the same columns, the lines read exactly as written (after
// clean-up) and the memory the pool added per worker (process RSS after the run
// minus before the pool, divided by the workers: each holds its own model).
//
// Last, the whole API in this process (embedded, demo catalog): a product query
// and a free-text recommend through the gateway, one after another, first on
// their own, then while four list photos are in recommend(context: { image })
// at every moment (the default single list worker reading one, three queued).
// Prints p50/p99 of each: image requests must not slow the text and catalog
// paths of the same process (they run in worker threads).
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

const LISTS = [
  SHOPPING_LIST,
  ['6 free range eggs', '- olive oil', '[ ] ground coffee', '2 x greek yogurt', 'bananas x2'],
  ['• 500 g spaghetti', 'tomato pasta sauce', '1 kg carrots', '[x] cheddar cheese', 'sparkling water'],
  ['rolled oats', '2 | orange juice', '- honey', '400 g chickpeas', '1x dark chocolate'],
];

async function listImages(): Promise<{ bytes: Buffer; lines: string[] }[]> {
  const set: { bytes: Buffer; lines: string[] }[] = [];
  for (const [n, lines] of LISTS.entries()) {
    const png = await listPng(lines);
    const expected = lines.map(cleanListLine);
    set.push({ bytes: png, lines: expected }, { bytes: await noisyJpeg(png, { degrees: 2.5, seed: `list ${n}` }), lines: expected });
  }
  return set;
}

async function benchLists(): Promise<void> {
  const set = await listImages();
  const totalLines = set.reduce((sum, image) => sum + image.lines.length, 0) * ROUNDS;
  console.log(`\n${set.length} shopping lists (${set.length / 2} clean PNG, ${set.length / 2} turned and noisy JPEG), ${ROUNDS} rounds, ${totalLines} lines`);
  console.log('workers   images   images/s   per worker   p50 ms   p99 ms   lines exact   RSS MB   MB/worker   first list ms');
  for (let workers = 1; workers <= MAX_WORKERS; workers++) {
    global.gc?.();
    const before = process.memoryUsage.rss();
    const pool = new OcrReaderPool({ workers, queue: 0, timeoutMs: 120_000, maxPixels: 40_000_000 });
    const run = await benchPool(pool, workers, set, ROUNDS, (image, lines) => image.lines.filter((line) => lines.some((read) => read.text === line)).length);
    const perWorker = (run.rssBytes - before) / workers / 2 ** 20;
    console.log(
      `${String(workers).padStart(7)} ${String(run.images).padStart(8)} ${run.rate.toFixed(2).padStart(10)} ${(run.rate / workers).toFixed(2).padStart(12)} ${percentile(run.samples, 50).toFixed(0).padStart(8)} ${percentile(run.samples, 99).toFixed(0).padStart(8)} ${`${run.counted}/${totalLines}`.padStart(13)} ${(run.rssBytes / 2 ** 20).toFixed(0).padStart(8)} ${perWorker.toFixed(0).padStart(11)} ${run.coldMs.toFixed(0).padStart(15)}`,
    );
    await pool.close();
  }
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(`${response.status} ${JSON.stringify(body.errors)}`);
}

async function benchCatalogBesideLists(): Promise<void> {
  const stack = await startBenchStack('vision', { RATE_LIMIT_ENABLED: 'false' });
  try {
    const product = { query: 'query ($id: ID!) { product(id: $id) { name price availability } }', variables: { id: demoId('Whole milk 1 L') } };
    const text = { query: 'query ($text: String!) { recommend(context: { text: $text }, first: 5) { items { product { name } } } }', variables: { text: 'cheap vegan snacks' } };
    const photo = { base64: (await listPng()).toString('base64'), contentType: 'image/png' };
    const list = 'query ($image: PhotoInput!) { recommend(context: { image: $image }, first: 3) { intent { image { kind } } } }';
    // The engine has learned the catalog, and the list worker has loaded its model.
    await post(stack.url, list, { image: photo });
    const measure = async (count: number) => {
      const times = { product: [] as number[], text: [] as number[] };
      for (let i = 0; i < count; i++) {
        let t = performance.now();
        await post(stack.url, product.query, product.variables);
        times.product.push(performance.now() - t);
        t = performance.now();
        // A different text each time: computed, not served from the list cache.
        await post(stack.url, text.query, { text: `${text.variables.text} ${i}` });
        times.text.push(performance.now() - t);
      }
      return times;
    };
    const quiet = await measure(200);
    let running = true;
    let lists = 0;
    const readers = Array.from({ length: 4 }, async () => {
      while (running) {
        await post(stack.url, list, { image: photo });
        lists += 1;
      }
    });
    const busy = await measure(200);
    running = false;
    await Promise.all(readers);
    const row = (name: string, samples: number[]) => `${name.padEnd(42)} ${percentile(samples, 50).toFixed(1).padStart(7)} ${percentile(samples, 99).toFixed(1).padStart(7)}`;
    console.log(`\nthe same process, through the gateway (200 of each; ${lists} list photos read meanwhile)`);
    console.log(`${'request'.padEnd(42)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`);
    console.log(row('product(id), alone', quiet.product));
    console.log(row('product(id), 4 list photos in flight', busy.product));
    console.log(row('recommend(text), alone', quiet.text));
    console.log(row('recommend(text), 4 list photos in flight', busy.text));
  } finally {
    await stack.stop();
  }
}

async function main(): Promise<void> {
  const set = await images();
  const baseRss = process.memoryUsage.rss();
  console.log(`${set.length} images (${set.filter((i) => i.name === 'photo').length} photos), ${ROUNDS} rounds; RSS before any worker ${(baseRss / 2 ** 20).toFixed(0)} MB`);
  console.log('workers   images   images/s   per worker   p50 ms   p99 ms   read   RSS MB');
  for (let workers = 1; workers <= MAX_WORKERS; workers++) {
    const pool = new BarcodeReaderPool({ workers, queue: 0, timeoutMs: 60_000, maxPixels: 40_000_000 });
    const run = await benchPool(pool, workers, set, ROUNDS, (_image, barcode) => (barcode ? 1 : 0));
    console.log(
      `${String(workers).padStart(7)} ${String(run.images).padStart(8)} ${run.rate.toFixed(1).padStart(10)} ${(run.rate / workers).toFixed(1).padStart(12)} ${percentile(run.samples, 50).toFixed(1).padStart(8)} ${percentile(run.samples, 99).toFixed(1).padStart(8)} ${String(run.counted).padStart(6)} ${(run.rssBytes / 2 ** 20).toFixed(0).padStart(8)}`,
    );
    await pool.close();
  }
  await benchLists();
  await benchCatalogBesideLists();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
