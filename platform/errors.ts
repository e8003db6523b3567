import crypto from 'node:crypto';
import { GraphQLError, type ASTNode, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from './logger';

// The one place error codes are defined. Clients branch on `extensions.code`;
// anything not raised deliberately through these helpers is masked.

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The request itself is not a GraphQL request (invalid JSON, wrong method...). */
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The operation's estimated cost is above GATEWAY_MAX_COST. */
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  /** The assembled answer is larger than GATEWAY_MAX_RESPONSE_BYTES. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const PUBLIC_CODES = new Set<string>([
  // INTERNAL_SERVER_ERROR is what Apollo labels any thrown error with: never public.
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  // Apollo Server's own request errors are safe to show as they are.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'TOO_MANY_SUBSCRIPTIONS',
]);

/** Mistakes of the client that a subgraph reports and the gateway must hand on unchanged. */
const CLIENT_ERROR_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.CONFLICT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.SERVICE_UNAVAILABLE,
  // A subgraph refusing a body the gateway let through (its HTTP_MAX_OPERATION_BODY_BYTES or schema differs).
  ErrorCode.PAYLOAD_TOO_LARGE,
]);

/**
 * A custom scalar refusing a value. The scalar cannot know which argument or
 * input field held the value; the error formatter names it (see inputErrorField).
 */
export class ScalarInputError extends GraphQLError {
  constructor(
    readonly scalar: string,
    readonly reason: string,
    node?: ASTNode,
  ) {
    super(`Invalid ${scalar}: ${reason}`, { nodes: node, extensions: { code: ErrorCode.BAD_USER_INPUT, field: scalar, reason } });
  }
}

export function badUserInput(field: string, reason: string): GraphQLError {
  return new GraphQLError(`Invalid ${field}: ${reason}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, reason },
  });
}

/** An input over a size limit (an uploaded image's bytes or pixels): the limit is in the extensions. */
export function imageTooLarge(field: string, reason: string, limit: { maxBytes?: number; maxPixels?: number }): GraphQLError {
  return new GraphQLError(`Invalid ${field}: ${reason}`, {
    extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE, field, reason, ...limit },
  });
}

export function notFound(type: string, id: string): GraphQLError {
  return new GraphQLError(`${type} ${id} was not found`, { extensions: { code: ErrorCode.NOT_FOUND, type, id } });
}

/** `reason`, when given, is an UPPER_SNAKE word a client can branch on (SESSION_EXPIRED …). */
export function unauthenticated(message: string, reason?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, ...(reason ? { reason } : {}) } });
}

export function forbidden(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, ...extensions } });
}

export function conflict(reason: string): GraphQLError {
  return new GraphQLError(reason, { extensions: { code: ErrorCode.CONFLICT } });
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError('Too many requests, slow down', {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
  });
}

/** Why a service could not be used; clients may retry every one of them. */
export type UnavailableReason = 'TIMEOUT' | 'UNREACHABLE' | 'CIRCUIT_OPEN' | 'BAD_GATEWAY' | 'DATABASE_UNAVAILABLE' | 'BUSY';

/**
 * A service (a subgraph, for the gateway) did not answer in time, could not
 * be reached, answered 502/503/504, or its circuit breaker is open. The rest
 * of the answer may still be there (partial results); `retryable` says a
 * later attempt may succeed.
 */
export function serviceUnavailable(service: string, reason: UnavailableReason): GraphQLError {
  const error = new GraphQLError(`The ${service} service is unavailable (${reason}); try again later`, {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, service, reason, retryable: true },
  });
  // Expected under failure, not a bug: no stack to show or log.
  error.stack = undefined;
  return error;
}

/**
 * What a peer service's GraphQL error becomes in the caller's answer: a
 * client's mistake (a refused line, no session) is handed on with its code
 * and fields; anything else is the peer failing (SERVICE_UNAVAILABLE).
 */
export function fromPeerError(service: string, error: { message: string; extensions?: Record<string, unknown> }): GraphQLError {
  const code = error.extensions?.code;
  if (typeof code !== 'string' || !CLIENT_ERROR_CODES.has(code)) return serviceUnavailable(service, 'BAD_GATEWAY');
  const { stacktrace: _stacktrace, ...extensions } = error.extensions ?? {};
  return new GraphQLError(error.message, { extensions });
}

export function isPublicCode(code: unknown): code is string {
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 10; e = (e as { originalError?: unknown }).originalError) chain.push(e);
  return chain;
}

/** A scalar's refusal, named after the argument or input field that held the value. */
function scalarInputError(error: unknown, formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const chain = causes(error);
  const refusal = chain.find((e): e is ScalarInputError => e instanceof ScalarInputError);
  if (!refusal) return undefined;
  const messages = chain.map((e) => (e as Error).message);
  const field = inputErrorField(refusal.nodes?.[0], messages) ?? refusal.scalar;
  return {
    message: `Invalid ${field}: ${refusal.reason}`,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, reason: refusal.reason, type: refusal.scalar },
  };
}

const VARIABLE_PATH = /^Variable "\$([_0-9A-Za-z]+)" got invalid value .*? at "([^"]+)"; /s;
const VARIABLE = /^Variable "\$([_0-9A-Za-z]+)" got invalid value /;

/**
 * Which argument or input field held a refused value: for a variable, the
 * last key of the path graphql-js reports (`input.price` → `price`); for a
 * literal, the name before the nearest `:` around the value in the document.
 */
export function inputErrorField(node: ASTNode | undefined, messages: string[]): string | undefined {
  for (const message of messages) {
    const withPath = VARIABLE_PATH.exec(message);
    if (withPath) {
      const keys = withPath[2]!.split(/[.[\]]/).filter((k) => k !== '' && !/^\d+$/.test(k));
      return keys[keys.length - 1];
    }
    const variable = VARIABLE.exec(message);
    if (variable) return variable[1];
  }
  let token = node?.loc?.startToken.prev;
  let depth = 0;
  while (token) {
    if (token.kind === ']' || token.kind === '}') depth++;
    else if (token.kind === '[' || token.kind === '{') depth = Math.max(0, depth - 1);
    else if (token.kind === ':' && depth === 0) return token.prev?.kind === 'Name' ? token.prev.value : undefined;
    else if (token.kind === '(' && depth === 0) return undefined;
    token = token.prev;
  }
  return undefined;
}

interface DownstreamError {
  message?: unknown;
  path?: unknown;
  extensions?: Record<string, unknown>;
}

/**
 * A subgraph that refuses a request outright (HTTP 4xx: a variable it cannot
 * coerce, a literal its scalar rejects) makes the gateway's data source throw
 * one opaque error carrying the subgraph's body. The client's mistake inside
 * is handed on as the subgraph stated it.
 */
function downstreamClientError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const response = formatted.extensions?.response as { body?: { errors?: DownstreamError[] }; url?: string } | undefined;
  const errors = response?.body?.errors;
  if (!Array.isArray(errors)) return undefined;
  const stated = errors.find((e) => CLIENT_ERROR_CODES.has(e?.extensions?.code as string) && typeof e.message === 'string');
  if (!stated) return undefined;
  const { stacktrace: _stacktrace, ...extensions } = stated.extensions ?? {};
  return {
    message: stated.message as string,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { ...extensions, ...(formatted.extensions?.serviceName ? { serviceName: formatted.extensions.serviceName } : {}) },
  };
}

export interface ErrorFormatterOptions {
  /** Keep stack traces in responses (DEBUG_ERRORS): never in production unless asked. */
  debug?: boolean;
  /** The service answering, named in SERVICE_UNAVAILABLE when its own database cannot be reached. */
  service?: string;
}

// Prisma's codes for a database it cannot reach or that dropped the connection
// (P1001 unreachable, P1002/P1008 timed out, P1017 connection closed, P2024 pool
// timeout), and PostgreSQL's for a server shutting down or refusing connections
// (57P01–57P03, class 08: connection exception), and the socket's own.
const DATABASE_DOWN_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', '57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT']);

/** One warning per service every 10 s during an outage, with how many were folded into it. */
const DATABASE_WARNING_EVERY_MS = 10_000;
const databaseWarnings = new Map<string, { at: number; suppressed: number }>();

function warnDatabaseUnavailable(logger: Logger, service: string, code: unknown): void {
  const now = Date.now();
  const last = databaseWarnings.get(service);
  if (last && now - last.at < DATABASE_WARNING_EVERY_MS) {
    last.suppressed += 1;
    return;
  }
  databaseWarnings.set(service, { at: now, suppressed: 0 });
  logger.warn({ service, code, suppressed: last?.suppressed ?? 0 }, 'database unavailable');
}

/** Whether an error, or one it wraps, says the database is unreachable: the client may retry; nothing is wrong with its request. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (DATABASE_DOWN_CODES.has(code) || code.startsWith('08'))) return true;
    current = (current as { cause?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
  }
  return false;
}

/**
 * Apollo Server `formatError`: deliberate errors pass through, everything else
 * is logged with its stack and replaced by a generic message carrying a
 * reference that is also on the log line.
 */
export function createErrorFormatter(logger: Logger, options: ErrorFormatterOptions = {}) {
  const strip = (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (options.debug || !formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
    return { ...formatted, extensions };
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const named = scalarInputError(error, formatted);
    if (named) return named;
    const code = formatted.extensions?.code;
    if (isPublicCode(code)) return strip(formatted);
    const downstream = downstreamClientError(formatted);
    if (downstream) return downstream;
    const cause = unwrapResolverError(error);
    if (isDatabaseUnavailable(cause)) {
      // Expected during an outage: answered as retryable, logged without a stack and not once per request.
      const service = options.service ?? 'this';
      warnDatabaseUnavailable(logger, service, (cause as { code?: string }).code);
      return {
        message: `The ${service} service cannot reach its database; try again later`,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, service, reason: 'DATABASE_UNAVAILABLE', retryable: true },
      };
    }
    return maskError(logger, formatted, cause, options);
  };
}

/** The generic answer for an unexpected error; `reference` finds its log line. */
export function maskError(logger: Logger, formatted: Pick<GraphQLFormattedError, 'path' | 'locations'>, cause: unknown, options: ErrorFormatterOptions = {}): GraphQLFormattedError {
  const reference = crypto.randomUUID();
  logger.error({ err: cause, path: formatted.path, reference }, 'unexpected error');
  const stack = options.debug && cause instanceof Error && cause.stack ? { stacktrace: cause.stack.split('\n') } : {};
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, reference, ...stack },
  };
}

/**
 * A readiness probe's answer that the service is up but cannot do its work
 * (GET /readyz → 503 with `reason` and these `details`): an event consumer
 * that has not been able to consume for a while, a start-up task not started.
 */
export class NotReadyError extends Error {
  readonly code = 'NOT_READY';

  constructor(
    message: string,
    readonly details: readonly unknown[] = [],
  ) {
    super(message);
    this.name = 'NotReadyError';
  }
}
