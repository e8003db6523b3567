import { badUserInput } from '../../../platform/errors';
import { isUuid } from '../../../platform/graphql/ids';

/** Where a newest-first list stands: rows are ordered by (time desc, id desc). */
export interface Keyset {
  at: Date;
  id: string;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function encodeCursor({ at, id }: Keyset): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): Keyset | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (rest.length > 0 || !id || !isUuid(id) || Number.isNaN(at.getTime())) {
    throw badUserInput(field, 'must be a cursor returned by this list');
  }
  return { at, id };
}

/** `rows` holds up to `first + 1` rows: the extra one only says that there is a next page. */
export function toPage<T>(rows: T[], first: number, keyset: (row: T) => Keyset): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyset(node)), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
