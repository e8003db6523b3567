import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { CategoryWriteError } from '../data/categoryRepository';
import { updateCategorySchema } from '../domain/placeInput';
import type { MutationResolvers } from '../generated/resolvers-types';
import { categoryProblem } from '../writeErrors';

export const updateCategory: MutationResolvers['updateCategory'] = async (_parent, { id, input }, context) => {
  await requireKey(context, 'catalog:write');
  const categoryId = requireUuid(id);
  const fields = parseInput(updateCategorySchema, input, 'input');
  try {
    return await context.writes(async ({ data, events }) => {
      const change = await data.categories.update(categoryId, fields);
      if (!change) throw notFound('Category', categoryId);
      await events.categoryChanged(change.after.id, change.after.parentId);
      return change.after;
    });
  } catch (error) {
    if (error instanceof CategoryWriteError) throw categoryProblem(error.problem);
    throw error;
  }
};
