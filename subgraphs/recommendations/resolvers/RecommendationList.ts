import type { RecommendationListResolvers } from '../generated/resolvers-types';

export const RecommendationList: RecommendationListResolvers = {
  intent: (list) => list.intent ?? null,
  perItem: (list) => list.perItem ?? null,
  emptyReason: (list) => (list.items.length === 0 ? (list.emptyReason ?? null) : null),
};
