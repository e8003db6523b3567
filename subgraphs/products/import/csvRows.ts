import { CsvError, parse } from 'csv-parse/sync';
import { NUTRITION_FACTS, type NutritionFact } from '../domain/productInput';
import type { ImportError, ParsedRows, RawRow } from './importRows';

type Kind = 'text' | 'money' | 'int' | 'number' | 'list' | 'enum' | 'enumList';

/** The CSV columns, in the documented order (docs/catalog.md), and how each cell is read. */
export const CSV_COLUMNS: Record<string, Kind> = {
  sku: 'text',
  gtin: 'text',
  name: 'text',
  price: 'money',
  currency: 'text',
  discountPercent: 'money',
  description: 'text',
  brand: 'text',
  category: 'text',
  stockQuantity: 'int',
  rating: 'number',
  ratingCount: 'int',
  tags: 'list',
  dietaryTags: 'enumList',
  kind: 'enum',
  images: 'list',
  sustainabilityScore: 'int',
  carbonFootprintKg: 'number',
  sustainabilityLabels: 'enumList',
  ...(Object.fromEntries(NUTRITION_FACTS.map((fact) => [fact, 'number'])) as Record<NutritionFact, Kind>),
  nutriScore: 'enum',
};

const REQUIRED = ['sku', 'name', 'price'];
/** Lists sit in one cell, separated by |. */
const LIST_SEPARATOR = '|';

function readCell(kind: Kind, cell: string): { value: unknown } | { reason: string } {
  switch (kind) {
    case 'text':
    case 'money':
      return { value: cell };
    case 'int':
      return /^-?\d+$/.test(cell) ? { value: Number(cell) } : { reason: 'must be a whole number' };
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(cell) ? { value: Number(cell) } : { reason: 'must be a number' };
    case 'list':
      return { value: cell.split(LIST_SEPARATOR).map((item) => item.trim()).filter(Boolean) };
    case 'enum':
      return { value: cell.toUpperCase().replace(/[\s-]+/g, '_') };
    case 'enumList':
      // "gluten-free" and "Gluten free" both mean GLUTEN_FREE.
      return { value: cell.split(LIST_SEPARATOR).map((item) => item.trim().toUpperCase().replace(/[\s-]+/g, '_')).filter(Boolean) };
  }
}

/** Where a column's value goes in a product input. */
function place(input: Record<string, unknown>, column: string, value: unknown): void {
  const nested = (key: string) => (input[key] ??= {}) as Record<string, unknown>;
  if (column === 'category') input.categorySlug = value;
  else if (column === 'sustainabilityScore') nested('sustainability').score = value;
  else if (column === 'carbonFootprintKg') nested('sustainability').carbonFootprintKg = value;
  else if (column === 'sustainabilityLabels') nested('sustainability').labels = value;
  else if ((NUTRITION_FACTS as string[]).includes(column) || column === 'nutriScore') nested('nutrition')[column] = value;
  else if (column === 'images') input.images = (value as string[]).map((url) => ({ url, alt: typeof input.name === 'string' ? input.name : '' }));
  else input[column] = value;
}

/** The CSV column a validation path points into. */
export function csvColumn(path: string[]): string {
  const [head, next] = path;
  if (head === 'sustainability') return { score: 'sustainabilityScore', labels: 'sustainabilityLabels' }[next ?? ''] ?? next ?? 'sustainabilityScore';
  if (head === 'nutrition') return next ?? 'energyKcal';
  if (head === 'categorySlug') return 'category';
  return head ?? 'row';
}

/**
 * Reads a product CSV: a header row naming columns from CSV_COLUMNS (sku, name
 * and price required, any order), then one product per line. Empty cells are
 * left out: a new product gets the default, an existing one keeps its value.
 */
export function parseProductCsv(text: string): ParsedRows {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) return { rows: [], errors: [{ line: typeof error.lines === 'number' ? error.lines : 0, field: 'file', reason: error.message }] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ line: 0, field: 'file', reason: 'is empty' }] };
  const errors: ImportError[] = [];
  const columns = header.record;
  columns.forEach((column, index) => {
    if (!(column in CSV_COLUMNS)) errors.push({ line: header.info.lines, field: column || `column ${index + 1}`, reason: 'is not a known column' });
    else if (columns.indexOf(column) !== index) errors.push({ line: header.info.lines, field: column, reason: 'appears twice' });
  });
  for (const column of REQUIRED) {
    if (!columns.includes(column)) errors.push({ line: header.info.lines, field: column, reason: 'is a required column' });
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: RawRow[] = [];
  for (const { record, info } of body) {
    if (record.length !== columns.length) {
      errors.push({ line: info.lines, field: 'row', reason: `has ${record.length} cells, the header ${columns.length}` });
      continue;
    }
    const input: Record<string, unknown> = {};
    // name first, so images can take it as their alt text
    const order = columns.map((column, index) => ({ column, cell: record[index]! })).sort((a, b) => Number(b.column === 'name') - Number(a.column === 'name'));
    for (const { column, cell } of order) {
      if (cell === '') continue;
      const read = readCell(CSV_COLUMNS[column]!, cell);
      if ('reason' in read) errors.push({ line: info.lines, field: column, reason: read.reason });
      else place(input, column, read.value);
    }
    rows.push({ line: info.lines, input });
  }
  return { rows, errors };
}
