import { SpanStatusCode } from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { activeRequestSpan } from './traceRequests';
import { tracingEnabled } from './tracing';

/**
 * Makes the request's server span (traceRequests) the GraphQL operation's
 * span: named `<type> <operation name>` (`query ProductPage`), with the
 * operation's name and type, and the error codes of a failed or partial
 * answer. A no-op for requests that are not traced.
 */
export function graphqlTracingPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      if (!tracingEnabled()) return;
      const span = activeRequestSpan();
      if (!span) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          const type = operation?.operation ?? 'query';
          const name = operationName ?? operation?.name?.value;
          // The name is the client's; the span name stays generic without it.
          span.updateName(name ? `${type} ${name}` : type);
          span.setAttribute('graphql.operation.type', type);
          if (name) span.setAttribute('graphql.operation.name', name);
        },
        async didEncounterErrors({ errors }) {
          const codes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          span.setAttribute('graphql.error.codes', codes);
          span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
        },
      };
    },
  };
}
