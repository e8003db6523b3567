import { parseListingArgs } from '../domain/listingArgs';
import type { CategoryResolvers } from '../generated/resolvers-types';
import { productPage } from '../productPage';

export const Category: CategoryResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.categoryById.load(id),
  parent: (category, _args, { loaders }) => (category.parentId ? loaders.categoryById.load(category.parentId) : null),
  children: (category, _args, { loaders }) => loaders.categoryChildren.load(category.id),
  path: async (category, _args, { loaders }) => [...(await loaders.categoryAncestors.load(category.id))].reverse(),
  products: (category, { sort, first, after }, { loaders }) =>
    productPage(loaders, 'category', category.id, parseListingArgs({ sort, first, after })),
};
