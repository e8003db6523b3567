import { DateTimeScalar } from '../../../platform/graphql/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { startSession } from './Mutation.startSession';
import { me } from './Query.me';
import { Shopper } from './Shopper';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { me },
  Mutation: { startSession },
  Shopper,
};
