import { requirePermission } from '../../../platform/auth/apiKeys';
import { parseInput, rules, z } from '../../../platform/validation';
import type { QueryResolvers } from '../generated/resolvers-types';

export const experiments: QueryResolvers['experiments'] = async (_parent, args, context) => {
  requirePermission(await context.principal(), 'experiments:read');
  const status = parseInput(z.enum(['DRAFT', 'RUNNING', 'STOPPED']).nullish(), args.status, 'status');
  return context.experimentStore.list(status);
};

export const experiment: QueryResolvers['experiment'] = async (_parent, args, context) => {
  requirePermission(await context.principal(), 'experiments:read');
  return context.experimentStore.get(parseInput(rules.uuid, args.id, 'id'));
};
