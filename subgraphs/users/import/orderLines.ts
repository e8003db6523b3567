import fs from 'node:fs';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { Parser } from 'csv-parse';

// Reading an order-history file, row by row, without holding the file: CSV
// (a header row, then one order line per row), JSON Lines (one object per
// line) or a JSON array. The columns are documented in docs/shoppers.md.

export const ORDER_LINE_FIELDS = ['orderId', 'customerId', 'sku', 'quantity', 'orderedAt', 'unitPrice'] as const;
export type OrderLineField = (typeof ORDER_LINE_FIELDS)[number];
export const REQUIRED_ORDER_LINE_FIELDS: readonly OrderLineField[] = ['orderId', 'customerId', 'sku', 'quantity', 'orderedAt'];

/** One row as read: its line (CSV/JSON Lines: the file line; JSON array: the 1-based position) and its cells. */
export interface RawOrderLine {
  line: number;
  cells: Partial<Record<OrderLineField, unknown>>;
}

/** A problem of the file as a whole or of one row (line 0: the whole document). */
export interface OrderLineProblem {
  line: number;
  field: string;
  reason: string;
}

export type OrderLineSyntax = 'csv' | 'jsonl' | 'json';

/** Rows and row-shape problems, in file order. */
export type OrderLineItem = { row: RawOrderLine } | { problem: OrderLineProblem };

/** A header row naming the order-history columns. */
export function isOrderHistoryHeader(firstLine: string): boolean {
  const cells = firstLine.replace(/^\uFEFF/, '').split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
  return cells.includes('orderId') && cells.includes('sku');
}

/** The source as a stream: a file path, or the text a mutation received. */
export type OrderLineSource = { file: string } | { text: string };

function open(source: OrderLineSource): Readable {
  return 'file' in source ? fs.createReadStream(source.file, { encoding: 'utf8', highWaterMark: 1 << 20 }) : Readable.from([source.text]);
}

export async function* readOrderLines(source: OrderLineSource, syntax: OrderLineSyntax): AsyncGenerator<OrderLineItem> {
  if (syntax === 'csv') yield* readCsv(open(source));
  else if (syntax === 'jsonl') yield* readJsonLines(open(source));
  else yield* readJsonArray(source);
}

/**
 * Records with the line each ends on: what the `info` option reports, read
 * from the parser's running count as it emits the record, instead of the
 * copy of the whole info object `info` makes for every row (a tenth of the
 * time of a large import).
 */
class NumberedCsvParser extends Parser {
  override push(record: unknown): boolean {
    return super.push(record === null ? null : { record, line: this.info.lines });
  }
}

async function* readCsv(input: Readable): AsyncGenerator<OrderLineItem> {
  const parser = input.pipe(new NumberedCsvParser({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  let columns: string[] | undefined;
  try {
    for await (const { record, line } of parser as AsyncIterable<{ record: string[]; line: number }>) {
      if (!columns) {
        columns = record;
        const problems = headerProblems(columns, line);
        for (const problem of problems) yield { problem };
        if (problems.length > 0) return;
        continue;
      }
      if (record.length !== columns.length) {
        yield { problem: { line, field: 'row', reason: `has ${record.length} cells, the header ${columns.length}` } };
        continue;
      }
      const cells: RawOrderLine['cells'] = {};
      for (let i = 0; i < columns.length; i++) if (record[i] !== '') cells[columns[i] as OrderLineField] = record[i];
      yield { row: { line, cells } };
    }
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    yield { problem: { line: typeof lines === 'number' ? lines : 0, field: 'file', reason: (error as Error).message } };
    input.destroy();
    return;
  }
  if (!columns) yield { problem: { line: 0, field: 'file', reason: 'is empty' } };
}

function headerProblems(columns: string[], line: number): OrderLineProblem[] {
  const problems: OrderLineProblem[] = [];
  columns.forEach((column, index) => {
    if (!(ORDER_LINE_FIELDS as readonly string[]).includes(column)) problems.push({ line, field: column || `column ${index + 1}`, reason: 'is not a known column' });
    else if (columns.indexOf(column) !== index) problems.push({ line, field: column, reason: 'appears twice' });
  });
  for (const field of REQUIRED_ORDER_LINE_FIELDS) if (!columns.includes(field)) problems.push({ line, field, reason: 'is a required column' });
  return problems;
}

function objectRow(line: number, value: unknown): OrderLineItem[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [{ problem: { line, field: 'row', reason: 'must be an object' } }];
  const items: OrderLineItem[] = [];
  const cells: RawOrderLine['cells'] = {};
  for (const [key, cell] of Object.entries(value)) {
    if (!(ORDER_LINE_FIELDS as readonly string[]).includes(key)) items.push({ problem: { line, field: key, reason: 'is not a known field' } });
    else if (cell !== null && cell !== undefined && cell !== '') cells[key as OrderLineField] = cell;
  }
  items.push({ row: { line, cells } });
  return items;
}

async function* readJsonLines(input: Readable): AsyncGenerator<OrderLineItem> {
  let line = 0;
  for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { problem: { line, field: 'row', reason: `is not valid JSON: ${(error as Error).message}` } };
      continue;
    }
    yield* objectRow(line, value);
  }
}

async function* readJsonArray(source: OrderLineSource): AsyncGenerator<OrderLineItem> {
  // A JSON array is one value: it is read whole (JSON Lines streams).
  const text = 'file' in source ? await fs.promises.readFile(source.file, 'utf8') : source.text;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    yield { problem: { line: 0, field: 'file', reason: `is not valid JSON: ${(error as Error).message}` } };
    return;
  }
  if (!Array.isArray(document)) {
    yield { problem: { line: 0, field: 'file', reason: 'must be a JSON array of order lines' } };
    return;
  }
  for (let i = 0; i < document.length; i++) yield* objectRow(i + 1, document[i]);
}
