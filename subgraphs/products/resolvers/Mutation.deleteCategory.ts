import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { requireKey } from '../admin';
import { CategoryWriteError } from '../data/categoryRepository';
import type { MutationResolvers } from '../generated/resolvers-types';
import { categoryProblem } from '../writeErrors';

export const deleteCategory: MutationResolvers['deleteCategory'] = async (_parent, { id }, context) => {
  await requireKey(context, 'catalog:delete');
  const categoryId = requireUuid(id);
  try {
    return await context.writes(async ({ data, events }) => {
      const deleted = await data.categories.delete(categoryId);
      if (!deleted) throw notFound('Category', categoryId);
      await events.categoryChanged(deleted.id, deleted.parentId, true);
      return deleted.id;
    });
  } catch (error) {
    if (error instanceof CategoryWriteError) throw categoryProblem(error.problem);
    throw error;
  }
};
