import type { QueryResolvers } from '../generated/resolvers-types';

export const categories: QueryResolvers['categories'] = async (_parent, _args, { data, loaders }) => {
  const roots = await data.categories.findRoots();
  for (const root of roots) loaders.categoryById.prime(root.id, root);
  return roots;
};
