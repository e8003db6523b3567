import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';

/**
 * The second line behind the cost limit: an answer assembled from the
 * subgraphs that is larger than GATEWAY_MAX_RESPONSE_BYTES is not sent; the
 * client gets RESPONSE_TOO_LARGE (with the limit) instead of megabytes.
 */
export function responseSizeCapPlugin<TContext extends BaseContext>(maxBytes: number, logger: Logger, onRefused?: () => void): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.body.singleResult.data == null) return;
          const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult));
          if (bytes <= maxBytes) return;
          logger.warn({ bytes, maxBytes }, 'response refused: too large');
          onRefused?.();
          response.body.singleResult = {
            errors: [
              {
                message: `The answer would be ${bytes} bytes, above the limit of ${maxBytes}; ask for less`,
                extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, bytes, maxBytes },
              },
            ],
          };
        },
      };
    },
  };
}
