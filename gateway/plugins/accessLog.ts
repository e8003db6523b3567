import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '../../platform/logger';
import { currentRequestContext } from '../../platform/requestContext';

/**
 * One structured line per operation at the gateway (`msg: "operation"`): the
 * request id (from the logger's request context), operation name, HTTP
 * status, duration in ms, how many subgraph fetches it made and the error
 * codes it answered with. Expected failures (client mistakes, an unavailable
 * subgraph) are only codes here, never stack traces.
 */
export function accessLogPlugin<TContext extends BaseContext>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ request, response, operationName }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const codes = new Set<string>();
          for (const error of result.errors ?? []) codes.add(String(error.extensions?.code ?? 'UNKNOWN'));
          logger.info(
            {
              operationName: operationName ?? request.operationName ?? null,
              status: response.http.status ?? 200,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              subgraphCalls: currentRequestContext()?.subgraphCalls ?? 0,
              errorCodes: [...codes],
            },
            'operation',
          );
        },
      };
    },
  };
}
