import { requirePermission } from '../../../platform/auth/apiKeys';
import { unauthenticated } from '../../../platform/errors';
import type { QueryResolvers } from '../generated/resolvers-types';

export const apiKeys: QueryResolvers['apiKeys'] = async (_parent, _args, context) => {
  requirePermission(await context.principal(), 'apikeys:manage');
  return context.apiKeyAdmin.list();
};

export const currentApiKey: QueryResolvers['currentApiKey'] = async (_parent, _args, context) => {
  const principal = await context.principal();
  if (!principal) throw unauthenticated('This query needs a valid API key in the x-api-key header', 'API_KEY_MISSING');
  return context.apiKeyAdmin.byId(principal.keyId);
};
