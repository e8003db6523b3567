import { badUserInput } from '../../../platform/errors';
import { parseGtin } from '../domain/gtin';
import type { QueryResolvers } from '../generated/resolvers-types';

export const productByGtin: QueryResolvers['productByGtin'] = (_parent, { gtin }, { loaders }) => {
  const checked = parseGtin(gtin.slice(0, 40));
  if ('reason' in checked) throw badUserInput('gtin', checked.reason);
  return loaders.productByGtin.load(checked.gtin14);
};
