import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode, maskError } from '../errors';
import type { Logger } from '../logger';

/** An error answer in the GraphQL response shape, whatever went wrong before GraphQL ran. */
export function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/**
 * Express's last error handler: a body that is not JSON, or too large to be
 * read, is the client's mistake and says so in JSON (400 BAD_REQUEST, 413
 * PAYLOAD_TOO_LARGE); anything else is masked with a reference that is also
 * logged. Never Express's HTML page, never a stack trace unless `debug`.
 */
export function jsonErrorHandler(logger: Logger, options: { debug?: boolean } = {}): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const type = (error as { type?: string }).type;
    const status = Number((error as { status?: number }).status ?? (error as { statusCode?: number }).statusCode);
    if (type === 'entity.too.large' || status === 413) {
      // Refused while reading, before the operation is known: the limit is the most
      // any operation may send (requestBodyLimits.ts). The size is Content-Length's
      // when the client sent one (refused unread), else unknown (counted up to the limit).
      const { limit, length } = error as { limit?: number; length?: number };
      const message = length !== undefined
        ? `Request body is ${length} bytes, above the ${limit} any operation may send`
        : `Request body is larger than the ${limit} bytes any operation may send`;
      res.status(413).json(errorBody(message, ErrorCode.PAYLOAD_TOO_LARGE, limit !== undefined ? { maxBytes: limit } : {}));
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json(errorBody('Request body is not valid JSON', ErrorCode.BAD_REQUEST));
      return;
    }
    if (status >= 400 && status < 500) {
      // body-parser's other refusals (unsupported charset or encoding...): the client's, and safe to name.
      res.status(status).json(errorBody((error as Error).message, ErrorCode.BAD_REQUEST));
      return;
    }
    const masked = maskError(logger, {}, error, options);
    res.status(500).json({ errors: [masked] });
  };
}

/** Unknown paths answer JSON too. */
export const jsonNotFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody(`No ${req.method} ${req.path} here`, ErrorCode.NOT_FOUND));
};
