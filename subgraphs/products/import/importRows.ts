import type { z } from '../../../platform/validation';
import { slug } from '../domain/placeInput';
import { createProductSchema } from '../domain/productInput';

/** One problem of one row: every one is reported, not just the first. */
export interface ImportError {
  /** CSV: the file line (the header is line 1). JSON: the 1-based array position. 0: the whole document. */
  line: number;
  field: string;
  reason: string;
}

/** A row as read, before validation. */
export interface RawRow {
  line: number;
  input: Record<string, unknown>;
}

export interface ParsedRows {
  rows: RawRow[];
  errors: ImportError[];
}

/** A product input plus, for imports, the category named by its slug. */
export const importRowSchema = createProductSchema
  .extend({ categorySlug: slug.optional() })
  .refine((row) => !(row.categoryId && row.categorySlug), { path: ['categorySlug'], message: 'give categoryId or categorySlug, not both' });

export type ImportRowFields = z.output<typeof importRowSchema>;

export interface ValidRow {
  line: number;
  fields: ImportRowFields;
}

/**
 * Validates every row and collects every problem. `fieldName` turns a
 * validation path into the name the file uses (a CSV column, a JSON path).
 */
export function validateRows(rows: RawRow[], fieldName: (path: string[]) => string): { valid: ValidRow[]; errors: ImportError[] } {
  const valid: ValidRow[] = [];
  const errors: ImportError[] = [];
  const firstLineOfSku = new Map<string, number>();
  const firstLineOfGtin = new Map<string, number>();
  for (const { line, input } of rows) {
    const result = importRowSchema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) errors.push({ line, field: fieldName([...issue.path.map(String), key]), reason: 'is not a known field' });
        } else {
          errors.push({ line, field: fieldName(issue.path.map(String)), reason: issue.message });
        }
      }
      continue;
    }
    const earlier = firstLineOfSku.get(result.data.sku);
    if (earlier !== undefined) {
      errors.push({ line, field: fieldName(['sku']), reason: `repeats the sku of line ${earlier}` });
      continue;
    }
    const gtin = result.data.gtin;
    const gtinEarlier = gtin ? firstLineOfGtin.get(gtin) : undefined;
    if (gtinEarlier !== undefined) {
      errors.push({ line, field: fieldName(['gtin']), reason: `repeats the gtin of line ${gtinEarlier}` });
      continue;
    }
    if (gtin) firstLineOfGtin.set(gtin, line);
    firstLineOfSku.set(result.data.sku, line);
    valid.push({ line, fields: result.data });
  }
  return { valid, errors };
}
