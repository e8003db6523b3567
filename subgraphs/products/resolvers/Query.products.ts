import { parseListingArgs } from '../domain/listingArgs';
import type { QueryResolvers } from '../generated/resolvers-types';
import { productPage } from '../productPage';

export const products: QueryResolvers['products'] = (_parent, args, { loaders }) => {
  const listing = parseListingArgs(args);
  return listing.categoryId
    ? productPage(loaders, 'category', listing.categoryId, listing)
    : productPage(loaders, 'catalog', null, listing);
};
