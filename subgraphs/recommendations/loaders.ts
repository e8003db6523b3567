import DataLoader from 'dataloader';
import { isUuid } from '../../platform/graphql/ids';
import type { SimilarityRepository } from './data/similarityRepository';

export interface RecommendationsLoaders {
  /** Neighbour ids of a product, best first, for a given list length. */
  similarIds(first: number): DataLoader<string, string[]>;
}

export function createRecommendationsLoaders(similarity: SimilarityRepository): RecommendationsLoaders {
  // One loader per list length keeps each batch a single statement.
  const byLength = new Map<number, DataLoader<string, string[]>>();
  return {
    similarIds(first) {
      let loader = byLength.get(first);
      if (!loader) {
        loader = new DataLoader<string, string[]>(async (ids) => {
          const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
          const rows = valid.length > 0 ? await similarity.topNeighbours(valid, first) : [];
          const grouped = new Map<string, string[]>();
          for (const row of rows) {
            const list = grouped.get(row.productId) ?? [];
            list.push(row.similarId);
            grouped.set(row.productId, list);
          }
          return ids.map((id) => grouped.get(id.toLowerCase()) ?? []);
        });
        byLength.set(first, loader);
      }
      return loader;
    },
  };
}
