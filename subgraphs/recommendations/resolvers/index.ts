import { DateTimeScalar, DecimalScalar } from '../../../platform/graphql/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { Cart } from './Cart';
import { Experiment, ExperimentVariant, VariantComparison } from './Experiment';
import { createExperiment, startExperiment, stopExperiment } from './Mutation.experiments';
import { fillCartFromList } from './Mutation.fillCartFromList';
import { FilledListItem } from './FilledListItem';
import { experiment, experiments } from './Query.experiments';
import { Product } from './Product';
import { detectIntent } from './Query.detectIntent';
import { popular } from './Query.popular';
import { recommend } from './Query.recommend';
import { recommendationHealth } from './Query.recommendationHealth';
import { trending } from './Query.trending';
import { RecommendationList } from './RecommendationList';
import { RecommendedItem } from './RecommendedItem';
import { Shopper } from './Shopper';

export const resolvers: Resolvers = {
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
  Query: { trending, popular, recommend, detectIntent, experiments, experiment, recommendationHealth },
  Mutation: { createExperiment, startExperiment, stopExperiment, fillCartFromList },
  FilledListItem,
  Experiment,
  ExperimentVariant,
  VariantComparison,
  Product,
  Shopper,
  Cart,
  RecommendationList,
  RecommendedItem,
};
