import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../platform/config';
import { migrate } from '../platform/database/migrate';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { runImport } from '../scripts/import';
import { instacartOrderLinesCsv, instacartProductsJson } from './instacartOrders';

// `npm run bench:import [-- <copies>]`: the order-history import, embedded
// (PGlite, in-process bus), as `npm run import` runs it without an API: the
// real Instacart sample (8,976 lines of 64 customers), then the same history
// `copies` times over (default 12, about 108,000 lines) into the same
// database, then that file again (every order already there). Prints lines/s.

async function main(): Promise<void> {
  const copies = Number(process.argv[2] ?? 12);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-bench-import-'));
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-bench-import-files-'));
  const infra = await createInfrastructure(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), createLogger('silent'));
  try {
    await migrate(infra.database);
    const productsFile = path.join(files, 'instacart-products.json');
    fs.writeFileSync(productsFile, instacartProductsJson());
    const products = await runImport(infra, productsFile);
    if (products.errors.length > 0) throw new Error(`products: ${JSON.stringify(products.errors.slice(0, 3))}`);
    process.stdout.write(`catalog: ${products.created} Instacart products\n\n`);
    process.stdout.write('| run | lines | orders created | already there | seconds | lines/s |\n|---|---|---|---|---|---|\n');

    const run = async (label: string, copiesOf: number) => {
      const { csv, lines } = instacartOrderLinesCsv(copiesOf);
      const file = path.join(files, `orders-${copiesOf}.csv`);
      fs.writeFileSync(file, csv);
      const started = performance.now();
      const report = await runImport(infra, file);
      const seconds = (performance.now() - started) / 1000;
      if (report.errors.length > 0) throw new Error(`${label}: ${JSON.stringify(report.errors.slice(0, 3))}`);
      if (report.orders!.lines !== lines) throw new Error(`${label}: read ${report.orders!.lines} of ${lines} lines`);
      process.stdout.write(`| ${label} | ${lines} | ${report.created} | ${report.unchanged} | ${seconds.toFixed(2)} | ${Math.round(lines / seconds)} |\n`);
      return file;
    };
    await run('Instacart sample as it is', 1);
    const big = await run(`${copies} copies (copy 1 already there)`, copies);
    const started = performance.now();
    const again = await runImport(infra, big);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`| the same file again | ${again.orders!.lines} | ${again.created} | ${again.unchanged} | ${seconds.toFixed(2)} | ${Math.round(again.orders!.lines / seconds)} |\n`);
  } finally {
    await infra.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
