import { requireUuid } from '../../../platform/graphql/ids';
import type { QueryResolvers } from '../generated/resolvers-types';

export const product: QueryResolvers['product'] = (_parent, { id }, { loaders }) =>
  loaders.productById.load(requireUuid(id));
