import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { rateLimited } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { RateLimitDecision, RateLimits } from '../rateLimits';
import type { EdgeContext } from './edgeContext';

/** The root fields an operation selects (looking through inline fragments), for the strict per-field budgets. */
export function rootFields(operation: OperationDefinitionNode | undefined): string[] {
  const fields: string[] = [];
  const visit = (selections: OperationDefinitionNode['selectionSet']['selections']) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet.selections);
    }
  };
  if (operation) visit(operation.selectionSet.selections);
  return fields;
}

/** RATE_LIMITED with the seconds to wait; over HTTP a 429 with Retry-After. */
export function rateLimitedError(decision: Extract<RateLimitDecision, { allowed: false }>) {
  const error = rateLimited(decision.retryAfterSeconds);
  error.extensions.budget = decision.budget;
  error.extensions.http = { status: 429, headers: new HeaderMap([['retry-after', String(decision.retryAfterSeconds)]]) };
  return error;
}

/**
 * Charges each client operation to the client's budgets by its cost (set by
 * the cost limit plugin, which runs first) and refuses it when a budget is
 * spent. The gateway's own internal operations carry no `edge` and are not charged.
 */
export function rateLimitPlugin<TContext extends BaseContext & EdgeContext>(limits: RateLimits, logger: Logger, onLimited?: (budget: string) => void): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          const edge = contextValue.edge;
          if (!edge) return;
          const decision = await limits.consume(edge, edge.cost ?? 1, rootFields(operation));
          if (decision.allowed) return;
          logger.warn({ budget: decision.budget, clientAddress: edge.clientAddress, retryAfterSeconds: decision.retryAfterSeconds }, 'operation refused: rate limit');
          onLimited?.(decision.budget);
          throw rateLimitedError(decision);
        },
      };
    },
  };
}
