import { requirePermission } from '../../../platform/auth/apiKeys';
import type { MutationResolvers } from '../generated/resolvers-types';

export const createApiKey: MutationResolvers['createApiKey'] = async (_parent, { input }, context) => {
  requirePermission(await context.principal(), 'apikeys:manage');
  return context.apiKeyAdmin.create(input);
};

export const revokeApiKey: MutationResolvers['revokeApiKey'] = async (_parent, { id }, context) => {
  const caller = requirePermission(await context.principal(), 'apikeys:manage');
  return context.apiKeyAdmin.revoke(id, caller);
};
