import DataLoader from 'dataloader';
import { isUuid } from './graphql/ids';

/**
 * A per-request loader of rows by UUID: one query for all the ids asked for
 * in the same tick, answers in the order asked, null for unknown ids (and
 * for malformed ones, which never reach SQL).
 */
export function uuidLoader<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length > 0 ? await fetch(valid) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}
