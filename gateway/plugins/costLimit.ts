import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import { OperationCost, type CostOptions } from '../operationCost';
import type { EdgeContext } from './edgeContext';

export interface CostLimitOptions extends CostOptions {
  /** GATEWAY_MAX_COST. */
  maxCost: number;
}

export function costLimitExceeded(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`Operation cost ${cost} is above the limit of ${maxCost}; ask for fewer or smaller lists`, {
    extensions: { code: ErrorCode.COST_LIMIT_EXCEEDED, cost, maxCost, http: { status: 400 } },
  });
}

/** Prices an operation and refuses it above the limit: shared by HTTP and WebSocket. */
export class CostLimit {
  private readonly cost: OperationCost;

  constructor(readonly options: CostLimitOptions) {
    this.cost = new OperationCost(options);
  }

  /** The operation's cost; throws COST_LIMIT_EXCEEDED above the limit. */
  check(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown>): number {
    const cost = this.cost.of(schema, document, operationName, variables);
    if (cost > this.options.maxCost) throw costLimitExceeded(cost, this.options.maxCost);
    return cost;
  }
}

/**
 * Refuses, before anything is fetched, an operation whose estimated cost is
 * above GATEWAY_MAX_COST (400 COST_LIMIT_EXCEEDED with `cost` and `maxCost`),
 * and records the cost for the rate limits. Synchronous on purpose: Apollo
 * starts every plugin's didResolveOperation in order, so the rate limit
 * plugin after this one sees the cost, and a refused operation never reaches it.
 */
export function costLimitPlugin<TContext extends BaseContext & EdgeContext>(limit: CostLimit, logger: Logger, onRejected?: () => void): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        // Not async: it must have run (or thrown) before the next plugin's hook starts.
        didResolveOperation({ schema, document, operationName, request, contextValue }): Promise<void> {
          try {
            const cost = limit.check(schema, document, operationName, request.variables);
            if (contextValue.edge) contextValue.edge.cost = cost;
          } catch (error) {
            if (error instanceof GraphQLError && error.extensions.code === ErrorCode.COST_LIMIT_EXCEEDED) {
              logger.warn({ cost: error.extensions.cost, maxCost: limit.options.maxCost, clientAddress: contextValue.edge?.clientAddress }, 'operation refused: cost limit');
              onRejected?.();
              throw error;
            }
            // An estimator failure must not turn every request into an error: price it at the limit.
            logger.error({ err: error }, 'operation cost not estimated; counted at the limit');
            if (contextValue.edge) contextValue.edge.cost = limit.options.maxCost;
          }
          return Promise.resolve();
        },
      };
    },
  };
}
