import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { Config } from '../platform/config';

export type QueryLimits = Config['gateway']['limits'];

/**
 * What one operation may ask for, so that no single request can make the
 * gateway fan out without bound. The same rules guard HTTP and WebSocket
 * operations; the token limit is applied by the parser (`parseOptions`).
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  // Reported as validation errors (GRAPHQL_VALIDATION_FAILED), not thrown:
  // thrown, they would surface as an internal error.
  const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true, ...report }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...report }),
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true, ...report }),
  ] as ValidationRule[];
}
