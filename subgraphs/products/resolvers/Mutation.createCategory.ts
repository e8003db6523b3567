import { badUserInput } from '../../../platform/errors';
import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { CategoryWriteError } from '../data/categoryRepository';
import { createCategorySchema } from '../domain/placeInput';
import { slugify } from '../domain/slug';
import type { MutationResolvers } from '../generated/resolvers-types';
import { categoryProblem } from '../writeErrors';

export const createCategory: MutationResolvers['createCategory'] = async (_parent, { input }, context) => {
  await requireKey(context, 'catalog:write');
  const fields = parseInput(createCategorySchema, input, 'input');
  const slug = fields.slug ?? slugify(fields.name);
  if (!slug) throw badUserInput('input.slug', 'cannot be derived from the name; give one');
  try {
    return await context.writes(async ({ data, events }) => {
      const category = await data.categories.create({ name: fields.name, slug, parentId: fields.parentId ?? null });
      await events.categoryChanged(category.id, category.parentId);
      return category;
    });
  } catch (error) {
    if (error instanceof CategoryWriteError) throw categoryProblem(error.problem);
    throw error;
  }
};
