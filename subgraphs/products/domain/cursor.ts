import { badUserInput } from '../../../platform/errors';
import { isUuid } from '../../../platform/graphql/ids';

export type ProductSort = 'RELEVANCE' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST' | 'SUSTAINABILITY';

/** A position in one ordering: the row's sort key (as SQL text) and its id, which breaks ties. */
export interface Cursor {
  sort: ProductSort;
  key: string;
  id: string;
}

const NUMERIC = /^-?\d{1,20}(\.\d{1,12})?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/** What a key must look like for each ordering, checked before it is cast in SQL. */
const KEY_FORMAT: Record<ProductSort, RegExp> = {
  RELEVANCE: NUMERIC,
  PRICE_ASC: NUMERIC,
  PRICE_DESC: NUMERIC,
  NEWEST: TIMESTAMP,
  SUSTAINABILITY: /^-?\d{1,3}$/,
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

/**
 * Reads an `after` argument. A cursor from another ordering, or anything that
 * is not a cursor, is bad input: it never reaches SQL.
 */
export function decodeCursor(text: string, sort: ProductSort, field = 'after'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput(field, 'is not a valid cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) {
    throw badUserInput(field, 'is not a valid cursor');
  }
  const [cursorSort, key, id] = parsed as [string, string, string];
  if (!(cursorSort in KEY_FORMAT) || !KEY_FORMAT[cursorSort as ProductSort].test(key) || !isUuid(id)) {
    throw badUserInput(field, 'is not a valid cursor');
  }
  if (cursorSort !== sort) throw badUserInput(field, 'belongs to another sort order; start again without it');
  return { sort, key, id: id.toLowerCase() };
}
