import { forbidden } from '../../../platform/errors';
import type { ShopperResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst, toShopperContext } from '../requestArgs';
import { detectIntent } from '../intent/detectIntent';
import { cachedList } from './cachedList';

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
    return cachedList(context, ['shopper', shopper.id, strategy, request], (engine) => engine.shopperScopes(shopper.id, request.shopper), (engine) => {
      switch (strategy) {
        case 'PERSONALIZED':
          return engine.personalized(shopper.id, request);
        case 'POPULAR':
          return engine.popular(request);
        case 'TRENDING':
          return engine.trending(request);
        case 'BUY_IT_AGAIN':
          return engine.buyItAgain(shopper.id, request);
        case 'RECENTLY_VIEWED':
          return engine.recentlyViewed(shopper.id, request);
        default:
          return engine.auto(shopper.id, request);
      }
    });
  },
};
