import { parseInput } from '../../../platform/validation';
import { trackEventInput } from '../domain/inputs';
import { trackInteractions } from '../domain/tracking';
import type { MutationResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const trackEvent: MutationResolvers['trackEvent'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  const [event] = await trackInteractions(context, shopper.id, [parseInput(trackEventInput, args.input, 'input')]);
  return event!;
};
