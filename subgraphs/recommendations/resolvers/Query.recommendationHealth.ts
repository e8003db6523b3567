import { requirePermission } from '../../../platform/auth/apiKeys';
import type { QueryResolvers } from '../generated/resolvers-types';

export const recommendationHealth: QueryResolvers['recommendationHealth'] = async (_parent, _args, context) => {
  requirePermission(await context.principal(), 'health:read');
  return context.health();
};
