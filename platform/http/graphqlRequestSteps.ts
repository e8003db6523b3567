import { traceRequests } from '../observability/traceRequests';
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext, type RequestContext } from '../requestContext';
import { corsPolicy } from './corsPolicy';
import type { HttpStep } from './httpStep';
import type { RequestBodyLimits } from './requestBodyLimits';

/**
 * The caller's request id (the gateway's, for a subgraph) or a new one,
 * answered back and carried by every log line and internal call made while
 * the request is served. Set before the body is read.
 */
const enterRequestContext: HttpStep = (req, res, next) => {
  const context: RequestContext = { requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]), subgraphCalls: 0 };
  req.requestContext = context;
  res.setHeader(REQUEST_ID_HEADER, context.requestId);
  runWithRequestContext(context, next);
};

/** Reading the body leaves the request's context (its end is the socket's event): entered again for GraphQL. */
const reenterRequestContext: HttpStep = (req, _res, next) => {
  runWithRequestContext(req.requestContext!, next);
};

export interface GraphQLRequestStepOptions {
  /** The service's name, for its traces. */
  service: string;
  corsOrigins: '*' | string[];
  /** The service's own steps, run before the body is read. */
  middleware?: readonly HttpStep[];
  bodyLimits: RequestBodyLimits;
  /** Subgraphs: requireInternalSignature.ts. */
  internalSignature?: HttpStep;
}

/**
 * What /graphql does before GraphQL runs, in order, for both of its paths
 * (the lean POST one and Express's): request id, CORS, the service's own
 * steps, the body read up to the most any operation may send (keeping its
 * exact bytes), the internal signature checked against those bytes, the body
 * refused above HTTP_MAX_BODY_BYTES unless every root field allows more, the
 * request's trace span.
 */
export function graphqlRequestSteps({ service, corsOrigins, middleware = [], bodyLimits, internalSignature }: GraphQLRequestStepOptions): HttpStep[] {
  return [
    enterRequestContext,
    corsPolicy(corsOrigins),
    ...middleware,
    bodyLimits.parseJson(),
    ...(internalSignature ? [internalSignature] : []),
    bodyLimits.enforce(),
    traceRequests(service),
    reenterRequestContext,
  ];
}
