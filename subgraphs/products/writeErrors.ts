import { GraphQLError } from 'graphql';
import { badUserInput, conflict, ErrorCode } from '../../platform/errors';
import type { CategoryWriteProblem } from './data/categoryRepository';

/** CONFLICT naming the field, so a form can show it next to the right input. */
export function fieldConflict(field: string, reason: string): GraphQLError {
  return new GraphQLError(`Conflict on ${field}: ${reason}`, { extensions: { code: ErrorCode.CONFLICT, field, reason } });
}

export function skuTaken(field = 'input.sku'): GraphQLError {
  return fieldConflict(field, 'another product already has this sku');
}

export function gtinTaken(field = 'input.gtin'): GraphQLError {
  return fieldConflict(field, 'another product already has this gtin');
}

export function categoryProblem(problem: CategoryWriteProblem): GraphQLError {
  switch (problem.kind) {
    case 'slug-taken':
      return fieldConflict('input.slug', 'another category already has this slug');
    case 'unknown-parent':
      return badUserInput('input.parentId', 'no category has this id');
    case 'cycle':
      return badUserInput('input.parentId', 'must not be the category itself or one of its descendants');
    case 'not-empty':
      return conflict(`The category still has ${problem.products} product(s) and ${problem.children} child categor${problem.children === 1 ? 'y' : 'ies'}`);
  }
}
