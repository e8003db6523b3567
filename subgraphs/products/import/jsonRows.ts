import type { ImportError, ParsedRows, RawRow } from './importRows';

/** Reads a JSON array of product inputs (the createProduct input shape, plus an optional categorySlug). */
export function parseProductJson(text: string): ParsedRows {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { rows: [], errors: [{ line: 0, field: 'file', reason: `is not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(document)) return { rows: [], errors: [{ line: 0, field: 'file', reason: 'must be a JSON array of products' }] };
  const rows: RawRow[] = [];
  const errors: ImportError[] = [];
  document.forEach((item: unknown, index) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) rows.push({ line: index + 1, input: item as Record<string, unknown> });
    else errors.push({ line: index + 1, field: 'row', reason: 'must be an object' });
  });
  return { rows, errors };
}

export function jsonField(path: string[]): string {
  return path.length > 0 ? path.join('.') : 'row';
}
