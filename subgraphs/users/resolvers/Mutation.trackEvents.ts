import { parseInput } from '../../../platform/validation';
import { trackEventsInput } from '../domain/inputs';
import { trackInteractions } from '../domain/tracking';
import type { MutationResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const trackEvents: MutationResolvers['trackEvents'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  return trackInteractions(context, shopper.id, parseInput(trackEventsInput, args.inputs, 'inputs'));
};
