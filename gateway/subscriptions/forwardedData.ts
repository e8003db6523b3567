import { GraphQLError, type GraphQLFieldResolver, type GraphQLFormattedError } from 'graphql';

// Errors of a forwarded query, hung on the object holding the failed field,
// so re-executing the subscriber's selection over the data reports them where they belong.
const fieldErrors = new WeakMap<object, Map<string, GraphQLError>>();

export function toGraphQLError(error: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(error.message, { extensions: error.extensions });
}

/** Records each error whose path lies under `prefix` on the object (inside `root`) that holds the failed field. */
export function attachErrors(root: object, errors: readonly GraphQLFormattedError[], prefix: readonly (string | number)[]): void {
  for (const error of errors) {
    const path = error.path;
    if (!path || path.length <= prefix.length || prefix.some((key, i) => path[i] !== key)) continue;
    const rest = path.slice(prefix.length);
    const last = rest.pop();
    if (typeof last !== 'string') continue;
    let parent: unknown = root;
    for (const key of rest) parent = parent && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[key] : undefined;
    if (!parent || typeof parent !== 'object') continue;
    let byKey = fieldErrors.get(parent);
    if (!byKey) fieldErrors.set(parent, (byKey = new Map()));
    if (!byKey.has(last)) byKey.set(last, toGraphQLError(error));
  }
}

/**
 * Reads a field from forwarded data by its response key (alias or name): the
 * forwarded query kept the subscriber's aliases, so the data is already shaped.
 */
export const responseKeyResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  if (source === null || typeof source !== 'object') return undefined;
  const key = String(info.path.key);
  const value = (source as Record<string, unknown>)[key];
  if (value === null || value === undefined) return fieldErrors.get(source)?.get(key) ?? value;
  return value;
};
