import { isOpenFoodFactsHeader } from '../subgraphs/products/import/openFoodFactsRows';
import fs from 'node:fs';
import path from 'node:path';
import { defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { openDatabase } from '../platform/database/database';
import type { Infrastructure } from '../platform/infrastructure';
import { catalogWrites } from '../subgraphs/products/domain/catalogWrites';
import { importBaskets } from '../subgraphs/products/import/importBaskets';
import type { ImportError } from '../subgraphs/products/import/importRows';
import { importProducts } from '../subgraphs/products/import/importProducts';
import { loadSkuIndex } from '../subgraphs/products/import/skuIndex';
import { importOrderHistory, type OrderHistoryReport } from '../subgraphs/users/import/orderHistory';
import { isOrderHistoryHeader, readOrderLines, type OrderLineSyntax } from '../subgraphs/users/import/orderLines';
import { importPurchaseHistory } from '../subgraphs/users/import/purchaseHistory';

// `npm run import -- <file> [--format csv|json|openfoodfacts|baskets|orders]`: a product CSV or
// JSON file, an Open Food Facts export (with a price column), a headerless baskets file (one purchase per line, such as
// ../shared/data/groceries.csv), whose items become products and whose
// baskets become purchase history, or an order history (order lines of
// known SKUs by real customers, CSV, JSON or JSON Lines). See docs/catalog.md
// and docs/shoppers.md.

export type FileFormat = 'csv' | 'json' | 'openfoodfacts' | 'baskets' | 'orders';

export interface ImportReport {
  format: FileFormat;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
  /** Baskets files only. */
  baskets?: { handedOver: number; shoppers: number; orders: number; events: number };
  /** Order histories only (created/unchanged above count orders there). */
  orders?: Omit<OrderHistoryReport, 'errors'>;
}

/**
 * Order lines (a CSV header, or a first JSON object, naming orderId and sku)
 * are an order history; .json (or a document starting with [) is product
 * JSON; a header with code and product_name columns is an Open Food Facts
 * export; a first line with a sku column is a product CSV; anything else is baskets.
 */
export function detectFormat(file: string, text: string): FileFormat {
  if (orderLineSyntax(file, text)) return 'orders';
  if (path.extname(file).toLowerCase() === '.json' || /^\s*\[/.test(text)) return 'json';
  if (isOpenFoodFactsHeader(text.split(/\r?\n/, 1)[0] ?? '')) return 'openfoodfacts';
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF/, '').split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
  return header.includes('sku') ? 'csv' : 'baskets';
}

/** How an order-history file is written, from its name and its first bytes; undefined when it is not one. */
function orderLineSyntax(file: string, head: string): OrderLineSyntax | undefined {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) {
    if (!/^[[{]\s*\{?\s*"(orderId|customerId)"/.test(start)) return undefined;
    return start.startsWith('[') ? 'json' : 'jsonl';
  }
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  return isOrderHistoryHeader(head.split(/\r?\n/, 1)[0] ?? '') ? 'csv' : undefined;
}

/** The first 64 KiB: enough to tell the format without reading a large file whole. */
function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    return buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** An order history, streamed from the file: SKUs resolved against the catalog, written by the users subgraph's code. */
export async function runOrderImport(infra: Infrastructure, file: string, head = readHead(file)): Promise<ImportReport> {
  const syntax = orderLineSyntax(file, head) ?? (/^\s*\[/.test(head) ? 'json' : /^\s*\{/.test(head) ? 'jsonl' : 'csv');
  const productsDb = openDatabase(infra.database);
  let catalog: Awaited<ReturnType<typeof loadSkuIndex>>;
  try {
    catalog = await loadSkuIndex(productsDb.prisma);
  } finally {
    await productsDb.close();
  }
  const usersDb = openDatabase(infra.database);
  try {
    const { errors, ...orders } = await importOrderHistory(usersDb.prisma, readOrderLines({ file }, syntax), catalog);
    return { format: 'orders', created: orders.orders.created, updated: 0, unchanged: orders.orders.unchanged, errors, orders };
  } finally {
    await usersDb.close();
  }
}

export async function runImport(infra: Infrastructure, file: string, format?: FileFormat): Promise<ImportReport> {
  const head = readHead(file);
  if ((format ?? detectFormat(file, head)) === 'orders') return runOrderImport(infra, file, head);
  const text = fs.readFileSync(file, 'utf8');
  const chosen = format ?? detectFormat(file, text);
  const productsDb = openDatabase(infra.database);
  try {
    // The products and their events commit together; the events wait in the outbox for a running API's relay.
    const writes = catalogWrites(productsDb.prisma);
    if (chosen !== 'baskets') {
      const { created, updated, unchanged, errors } = await writes((unit) => importProducts(unit, chosen === 'csv' ? 'CSV' : chosen === 'openfoodfacts' ? 'OPEN_FOOD_FACTS' : 'JSON', text));
      return { format: chosen, created, updated, unchanged, errors };
    }
    const source = path.basename(file, path.extname(file));
    const { products, baskets } = await writes((unit) => importBaskets(unit, text, source));
    const report: ImportReport = { format: chosen, created: products.created, updated: products.updated, unchanged: products.unchanged, errors: products.errors };
    if (products.errors.length > 0) return report;
    // Purchase history belongs to the users subgraph: written through its own code and its own connection.
    const usersDb = openDatabase(infra.database);
    try {
      const history = await importPurchaseHistory(usersDb.prisma, baskets);
      return { ...report, baskets: { handedOver: baskets.length, ...history } };
    } finally {
      await usersDb.close();
    }
  } finally {
    await productsDb.close();
  }
}

const USAGE = 'usage: npm run import -- <file> [--format csv|json|openfoodfacts|baskets|orders]';

function formatOf(value: string | undefined): FileFormat {
  if (value !== 'csv' && value !== 'json' && value !== 'openfoodfacts' && value !== 'baskets' && value !== 'orders') throw new UsageError(USAGE);
  return value;
}

export const importCommand = defineCommand({
  name: 'import',
  parse(argv: string[]): { file: string; format?: FileFormat } {
    let file: string | undefined;
    let format: FileFormat | undefined;
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === '--format') format = formatOf(argv[++i]);
      else if (arg.startsWith('--format=')) format = formatOf(arg.slice('--format='.length));
      else if (!file && !arg.startsWith('--')) file = arg;
      else throw new UsageError(USAGE);
    }
    if (!file) throw new UsageError(USAGE);
    if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
    // Absolute: a running API that takes the command over may have another working directory.
    return { file: path.resolve(file), format };
  },
  run: ({ infra }, { file, format }) => runImport(infra, file, format),
  report(report: ImportReport, out) {
    out.write(`Format: ${report.format}\n`);
    if (report.errors.length > 0) {
      out.write(`Nothing imported: ${report.errors.length} problem(s)\n`);
      for (const e of report.errors) out.write(`  line ${e.line}  ${e.field}: ${e.reason}\n`);
      return 1;
    }
    if (report.orders) {
      const o = report.orders;
      out.write(`Orders: ${o.lines} lines read; ${o.orders.created} orders created, ${o.orders.unchanged} already imported; ${o.customers} new customers, ${o.events} purchase events created\n`);
      return 0;
    }
    out.write(`Products: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged\n`);
    if (report.baskets) {
      const b = report.baskets;
      out.write(`Baskets: ${b.handedOver} handed over; ${b.shoppers} shoppers, ${b.orders} orders, ${b.events} purchase events created\n`);
    }
    return 0;
  },
});

if (require.main === module) runCli(importCommand);
