import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { Logger } from '../logger';
import { runSteps, type GraphQLHttpRequest, type HttpStep } from './httpStep';
import { answerError } from './jsonErrors';

const GRAPHQL_PATH = '/graphql';
const QUESTION_MARK = 63;

/**
 * The requests the lean path serves: POST and its CORS preflight on exactly
 * /graphql, with or without a query string. Everything else (GET /graphql's
 * playground and queries, /graphql/ and other spellings, every other route)
 * is Express's.
 */
export function isLeanGraphQLRequest(req: IncomingMessage): boolean {
  if (req.method !== 'POST' && req.method !== 'OPTIONS') return false;
  const url = req.url ?? '';
  return url.startsWith(GRAPHQL_PATH) && (url.length === GRAPHQL_PATH.length || url.charCodeAt(GRAPHQL_PATH.length) === QUESTION_MARK);
}

export interface LeanGraphQLOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Run first, as Express runs them for every request (httpRequestMetrics). */
  before: readonly HttpStep[];
  /** /graphql's own steps: graphqlRequestSteps.ts, the same Express mounts. */
  steps: readonly HttpStep[];
  context: (req: GraphQLHttpRequest) => Promise<TContext>;
  logger: Logger;
  debug: boolean;
}

/** The part of the URL Apollo reads GET operations from; kept for POST as Apollo's integrations pass it. */
function searchOf(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return '';
  const hash = url.indexOf('#', start);
  return hash === -1 ? url.slice(start) : url.slice(start, hash);
}

/**
 * POST /graphql (and OPTIONS) on node's own request and response: the same
 * steps Express runs, then Apollo, answered as @as-integrations/express5
 * answers (headers, status, a complete body with its type and length, or an
 * incremental one chunk by chunk). Express's router, its request and
 * response getters and res.send's ETag (a hash of every answer, which no
 * cache keeps for a POST) cost about a tenth of the gateway's CPU for nothing.
 */
export function leanGraphQLHandler<TContext extends BaseContext>(options: LeanGraphQLOptions<TContext>): (req: IncomingMessage, res: ServerResponse) => void {
  const { apollo, context, logger, debug } = options;
  const steps = [...options.before, ...options.steps];
  const fail = (res: ServerResponse, error: unknown) => answerError(res, error, logger, { debug });

  async function execute(req: GraphQLHttpRequest, res: ServerResponse): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method!.toUpperCase(), headers, search: searchOf(req.url ?? ''), body: req.body };
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(req) });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status || 200;
    if (response.body.kind === 'complete') {
      // As res.send does for a string: a type (with its charset) and a length.
      const type = res.getHeader('content-type');
      if (type === undefined) res.setHeader('content-type', 'text/html; charset=utf-8');
      else if (!/;\s*charset=/i.test(String(type))) res.setHeader('content-type', `${String(type)}; charset=utf-8`);
      const body = Buffer.from(response.body.string);
      res.setHeader('content-length', body.length);
      res.end(body);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return (req, res) => {
    const request = req as GraphQLHttpRequest;
    runSteps(steps, request, res, (error) => {
      if (error !== undefined) fail(res, error);
      else execute(request, res).catch((thrown: unknown) => fail(res, thrown));
    });
  };
}
