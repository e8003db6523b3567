import { requireKey } from '../admin';
import type { MutationResolvers } from '../generated/resolvers-types';
import { importProducts as runImport } from '../import/importProducts';

export const importProducts: MutationResolvers['importProducts'] = async (_parent, { format, data }, context) => {
  await requireKey(context, 'catalog:import');
  const { created, updated, unchanged, errors } = await context.writes((unit) => runImport(unit, format, data));
  return { created, updated, unchanged, errors };
};
