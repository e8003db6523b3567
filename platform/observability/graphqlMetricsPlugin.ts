import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ServiceMetrics } from './metrics';

export interface GraphQLMetricsOptions {
  /** Only these operation names get a label value of their own ("other" for the rest). */
  operationNames?: string[];
  /** Without an allow-list: the first this many distinct names seen. */
  maxOperationNames?: number;
}

/**
 * GraphQL operations by name, type and outcome (success, partial, error), their
 * latency, and errors by code. Operation names are bounded (allow-list or the
 * first N seen); an unnamed operation is "anonymous", one that never resolved
 * to an operation (parse or validation failure) "invalid".
 */
export function graphqlMetricsPlugin<TContext extends BaseContext>(metrics: ServiceMetrics, options: GraphQLMetricsOptions = {}): ApolloServerPlugin<TContext> {
  const names = metrics.boundedLabel('operation', options.maxOperationNames ?? 100, options.operationNames);
  const codes = metrics.boundedLabel('error_code', 50);
  const operations = metrics.counter('smartcart_graphql_operations_total', 'GraphQL operations, by name, type and outcome', ['operation', 'type', 'outcome']);
  const duration = metrics.histogram('smartcart_graphql_operation_duration_seconds', 'GraphQL operation latency, from request to response', ['operation', 'type', 'outcome']);
  const errors = metrics.counter('smartcart_graphql_errors_total', 'GraphQL errors in responses, by extensions.code', ['code']);
  return {
    async requestDidStart() {
      const started = performance.now();
      let operation = 'invalid';
      let type = 'unknown';
      let errorCount = 0;
      return {
        async didResolveOperation({ operationName, operation: document }) {
          operation = names.value(operationName ?? document?.name?.value);
          type = document?.operation ?? 'unknown';
        },
        async didEncounterErrors({ errors: encountered }) {
          errorCount += encountered.length;
          for (const error of encountered) {
            const code = error.extensions?.code;
            errors.labels(codes.value(typeof code === 'string' ? code : undefined, 'INTERNAL_SERVER_ERROR')).inc();
          }
        },
        async willSendResponse({ response }) {
          let outcome = 'success';
          if (errorCount > 0) {
            const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
            outcome = data && Object.values(data).some((value) => value !== null) ? 'partial' : 'error';
          }
          operations.labels(operation, type, outcome).inc();
          duration.labels(operation, type, outcome).observe((performance.now() - started) / 1000);
        },
      };
    },
  };
}
