import { parseInput } from '../../../platform/validation';
import { preferencesInput } from '../domain/inputs';
import { preferencesUpdate } from '../domain/preferences';
import type { MutationResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const updatePreferences: MutationResolvers['updatePreferences'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  const input = parseInput(preferencesInput, args.input, 'input');
  const data = preferencesUpdate(input);
  return Object.keys(data).length === 0 ? shopper : context.shoppers.updatePreferences(shopper.id, data);
};
