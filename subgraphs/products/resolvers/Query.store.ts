import { requireUuid } from '../../../platform/graphql/ids';
import type { QueryResolvers } from '../generated/resolvers-types';

export const store: QueryResolvers['store'] = (_parent, { id }, { loaders }) => loaders.storeById.load(requireUuid(id));
