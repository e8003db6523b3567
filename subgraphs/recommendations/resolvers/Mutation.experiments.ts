import { requirePermission } from '../../../platform/auth/apiKeys';
import { parseInput, rules } from '../../../platform/validation';
import type { MutationResolvers } from '../generated/resolvers-types';
import { parseExperimentInput } from '../experiments/experimentDefinition';

// Changing live traffic is an admin's decision: experiments:write (platform/auth/roles.ts).

export const createExperiment: MutationResolvers['createExperiment'] = async (_parent, { input }, context) => {
  requirePermission(await context.principal(), 'experiments:write');
  const experiment = await context.experimentStore.create(parseExperimentInput(input));
  await context.experiments.changed();
  return experiment;
};

export const startExperiment: MutationResolvers['startExperiment'] = async (_parent, args, context) => {
  requirePermission(await context.principal(), 'experiments:write');
  const experiment = await context.experimentStore.start(parseInput(rules.uuid, args.id, 'id'));
  await context.experiments.changed();
  return experiment;
};

export const stopExperiment: MutationResolvers['stopExperiment'] = async (_parent, args, context) => {
  requirePermission(await context.principal(), 'experiments:write');
  const experiment = await context.experimentStore.stop(parseInput(rules.uuid, args.id, 'id'));
  await context.experiments.changed();
  return experiment;
};
