import { DecimalScalar } from '../../../platform/graphql/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { Cart } from './Cart';
import { Product } from './Product';
import { detectIntent } from './Query.detectIntent';
import { popular } from './Query.popular';
import { recommend } from './Query.recommend';
import { trending } from './Query.trending';
import { RecommendationList } from './RecommendationList';
import { RecommendedItem } from './RecommendedItem';
import { Shopper } from './Shopper';

export const resolvers: Resolvers = {
  Decimal: DecimalScalar,
  Query: { trending, popular, recommend, detectIntent },
  Product,
  Shopper,
  Cart,
  RecommendationList,
  RecommendedItem,
};
