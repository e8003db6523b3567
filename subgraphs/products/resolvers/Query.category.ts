import { requireUuid } from '../../../platform/graphql/ids';
import type { QueryResolvers } from '../generated/resolvers-types';

export const category: QueryResolvers['category'] = (_parent, { id }, { loaders }) => loaders.categoryById.load(requireUuid(id));
