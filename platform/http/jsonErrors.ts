import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode, maskError } from '../errors';
import type { Logger } from '../logger';

/** An error answer in the GraphQL response shape, whatever went wrong before GraphQL ran. */
export function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/**
 * A JSON answer on node's own response, as Express's `res.status().json()`
 * writes it (type, length) but without its ETag: every answer sent this way is
 * a refusal or an error, which no cache keeps. Used by the steps both /graphql
 * paths share, so they answer alike.
 */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', body.length);
  res.end(body);
}

/**
 * What an error met before GraphQL ran is answered with: a body that is not
 * JSON, or too large to be read, is the client's mistake and says so (400
 * BAD_REQUEST, 413 PAYLOAD_TOO_LARGE); anything else is masked with a
 * reference that is also logged. Never a stack trace unless `debug`.
 */
export function errorAnswer(error: unknown, logger: Logger, options: { debug?: boolean } = {}): { status: number; body: unknown } {
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
    return { status: 413, body: errorBody(message, ErrorCode.PAYLOAD_TOO_LARGE, limit !== undefined ? { maxBytes: limit } : {}) };
  }
  if (type === 'entity.parse.failed') return { status: 400, body: errorBody('Request body is not valid JSON', ErrorCode.BAD_REQUEST) };
  if (status >= 400 && status < 500) {
    // body-parser's other refusals (unsupported charset or encoding...): the client's, and safe to name.
    return { status, body: errorBody((error as Error).message, ErrorCode.BAD_REQUEST) };
  }
  return { status: 500, body: { errors: [maskError(logger, {}, error, options)] } };
}

/**
 * Answers `error` (errorAnswer), or, once an answer has begun, cuts the
 * connection: a half-sent body must not look complete. The lean /graphql
 * path's last resort; Express's is jsonErrorHandler.
 */
export function answerError(res: ServerResponse, error: unknown, logger: Logger, options: { debug?: boolean } = {}): void {
  if (res.headersSent) {
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  const { status, body } = errorAnswer(error, logger, options);
  sendJson(res, status, body);
}

/** Express's last error handler: errorAnswer in JSON, never Express's HTML page. */
export function jsonErrorHandler(logger: Logger, options: { debug?: boolean } = {}): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, body } = errorAnswer(error, logger, options);
    sendJson(res, status, body);
  };
}

/** Unknown paths answer JSON too. */
export const jsonNotFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody(`No ${req.method} ${req.path} here`, ErrorCode.NOT_FOUND));
};
