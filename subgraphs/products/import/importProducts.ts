import { SkuTakenError, type NewProduct, type Product, type UpsertOutcome } from '../data/productRepository';
import type { CatalogUnit } from '../domain/catalogWrites';
import { detectProductKind } from '../domain/detectProductKind';
import { toColumns } from '../domain/productChanges';
import { csvColumn, parseProductCsv } from './csvRows';
import { validateRows, type ImportError, type ParsedRows } from './importRows';
import { jsonField, parseProductJson } from './jsonRows';
import { openFoodFactsColumn, parseOpenFoodFactsCsv } from './openFoodFactsRows';

export type ImportFormat = 'CSV' | 'JSON' | 'OPEN_FOOD_FACTS';

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
  /** Every product the import named, by sku, as stored afterwards (empty when it failed). */
  products: Map<string, Product>;
}

/** The most rows one import takes: a bigger catalog is imported in several files. */
export const MAX_IMPORT_ROWS = 20_000;

/** An import runs inside one catalog write: its products and their events commit together. */
export type ImportDependencies = CatalogUnit;

function failed(errors: ImportError[]): ImportResult {
  return { created: 0, updated: 0, unchanged: 0, errors: [...errors].sort((a, b) => a.line - b.line), products: new Map() };
}

/**
 * Validates every row, then creates or updates all of them by sku in one
 * transaction, or, when any row is invalid, writes nothing and reports every
 * problem. Rows equal to the stored product are left alone (no write, no
 * event), so importing the same file twice changes nothing the second time.
 * The events go to the outbox of the caller's transaction (run it in `writes`).
 * A row that gives no `kind` and creates its product gets the kind
 * detectProductKind reads from its SKU and name; an existing product keeps its
 * kind unless the row names one, so an admin's correction survives re-imports.
 */
export async function importRows(deps: ImportDependencies, parsed: ParsedRows, fieldName: (path: string[]) => string): Promise<ImportResult> {
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    return failed([{ line: 0, field: 'file', reason: `has ${parsed.rows.length} rows; at most ${MAX_IMPORT_ROWS} per import` }]);
  }
  const { valid, errors } = validateRows(parsed.rows, fieldName);
  errors.push(...parsed.errors);

  const slugs = [...new Set(valid.flatMap((row) => (row.fields.categorySlug ? [row.fields.categorySlug] : [])))];
  const ids = [...new Set(valid.flatMap((row) => (row.fields.categoryId ? [row.fields.categoryId] : [])))];
  const bySlug = new Map((slugs.length > 0 ? await deps.data.categories.findBySlugs(slugs) : []).map((c) => [c.slug, c.id]));
  const knownIds = new Set((ids.length > 0 ? await deps.data.categories.findByIds(ids) : []).map((c) => c.id));
  const products: NewProduct[] = [];
  for (const { line, fields } of valid) {
    const { categorySlug, ...input } = fields;
    if (categorySlug && !bySlug.has(categorySlug)) errors.push({ line, field: fieldName(['categorySlug']), reason: 'no category has this slug' });
    if (input.categoryId && !knownIds.has(input.categoryId)) errors.push({ line, field: fieldName(['categoryId']), reason: 'no category has this id' });
    products.push(toColumns(categorySlug ? { ...input, categoryId: bySlug.get(categorySlug) ?? null } : input) as NewProduct);
  }
  // A GTIN belongs to one product: another sku holding it is this row's error, not a constraint failure later.
  const gtins = [...new Set(products.flatMap((product) => (product.gtin ? [product.gtin] : [])))];
  if (gtins.length > 0) {
    const holders = new Map((await deps.data.products.findByGtins(gtins)).map((product) => [product.gtin, product.sku]));
    valid.forEach(({ line }, index) => {
      const { gtin, sku } = products[index]!;
      const holder = gtin ? holders.get(gtin) : undefined;
      if (holder !== undefined && holder !== sku) errors.push({ line, field: fieldName(['gtin']), reason: `another product (sku ${holder}) already has this gtin` });
    });
  }
  if (errors.length > 0) return failed(errors);
  if (products.length === 0) return failed([{ line: 0, field: 'file', reason: 'has no products' }]);

  let outcome: UpsertOutcome;
  try {
    outcome = await deps.data.products.upsertBySku(products, (row) => ({ kind: detectProductKind(row.sku, row.name) }));
  } catch (error) {
    if (!(error instanceof SkuTakenError)) throw error;
    return failed([{ line: 0, field: 'sku', reason: 'another writer created some of these skus meanwhile; run the import again' }]);
  }
  await deps.events.productsCreated(outcome.created);
  await deps.events.productsUpdated(outcome.updated);
  const stored = [...outcome.created, ...outcome.updated.map((change) => change.after), ...outcome.unchanged];
  return {
    created: outcome.created.length,
    updated: outcome.updated.length,
    unchanged: outcome.unchanged.length,
    errors: [],
    products: new Map(stored.map((product) => [product.sku, product])),
  };
}

/**
 * An Open Food Facts export: each row's category is the most specific of its
 * categories the catalog has (none when it has none of them).
 */
export async function importOpenFoodFacts(deps: ImportDependencies, text: string): Promise<ImportResult> {
  const parsed = parseOpenFoodFactsCsv(text);
  const wanted = [...new Set(parsed.rows.flatMap((row) => row.categoryCandidates))];
  const known = new Set((wanted.length > 0 ? await deps.data.categories.findBySlugs(wanted) : []).map((category) => category.slug));
  const rows = parsed.rows.map(({ line, input, categoryCandidates }) => {
    const slug = categoryCandidates.find((candidate) => known.has(candidate));
    return { line, input: slug ? { ...input, categorySlug: slug } : input };
  });
  return importRows(deps, { rows, errors: parsed.errors }, openFoodFactsColumn);
}

/** Imports a CSV, JSON or Open Food Facts document (see docs/catalog.md for the shapes). */
export function importProducts(deps: ImportDependencies, format: ImportFormat, text: string): Promise<ImportResult> {
  if (format === 'OPEN_FOOD_FACTS') return importOpenFoodFacts(deps, text);
  return format === 'CSV' ? importRows(deps, parseProductCsv(text), csvColumn) : importRows(deps, parseProductJson(text), jsonField);
}
