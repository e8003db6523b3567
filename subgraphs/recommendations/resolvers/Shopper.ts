import { forbidden } from '../../../platform/errors';
import type { ShopperResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst, toShopperContext } from '../requestArgs';
import { detectIntent } from '../intent/detectIntent';
import type { RecommendationEngine } from '../engine/recommendationEngine';
import { experimentList } from './experimentList';

export const Shopper: ShopperResolvers = {
  // Requiring a private field makes the gateway prove the session owns this shopper first.
  // Stored as SEARCH interactions (their text); understood again with today's vocabulary.
  intents: async (shopper, { first }, { intents, vocabulary }) => {
    if (!shopper.preferences) throw forbidden("Only the shopper's own session can read its intents");
    const texts = await intents.recentTexts(shopper.id, toFirst(first, 10));
    if (texts.length === 0) return [];
    const categories = await vocabulary.current();
    return texts.map((text) => detectIntent(text, { categories }));
  },
  // The representation carries the preferences the gateway fetched (@requires).
  __resolveReference: (shopper) => shopper,
  recommendations: (shopper, args, context) => {
    const request = {
      first: toFirst(args.first, 10),
      filter: toFilter(args.filter),
      strict: args.strict ?? false,
      shopper: toShopperContext(shopper.preferences),
    };
    const strategy = args.strategy ?? 'AUTO';
    const compute = (engine: RecommendationEngine, r: typeof request) => {
      switch (strategy) {
        case 'PERSONALIZED':
          return engine.personalized(shopper.id, r);
        case 'POPULAR':
          return engine.popular(r);
        case 'TRENDING':
          return engine.trending(r);
        case 'BUY_IT_AGAIN':
          return engine.buyItAgain(shopper.id, r);
        case 'RECENTLY_VIEWED':
          return engine.recentlyViewed(shopper.id, r);
        default:
          return engine.auto(shopper.id, r);
      }
    };
    return experimentList(context, {
      placement: 'SHOPPER_RECOMMENDATIONS',
      productIds: [],
      shopperId: shopper.id,
      request,
      parts: ['shopper', shopper.id, strategy, request],
      scopes: (engine) => engine.shopperScopes(shopper.id, request.shopper),
      compute,
    });
  },
};
