import type http from 'node:http';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { extractTraceContext } from './traceContext';
import { serviceTracer, tracingEnabled } from './tracing';

/** The server span of each traced request, for the GraphQL plugin that names it. */
const requestSpans = new WeakSet<Span>();

/** The active span if it is a request's server span (graphqlTracingPlugin decorates it). */
export function activeRequestSpan(): Span | undefined {
  const span = trace.getSpan(context.active());
  return span && requestSpans.has(span) ? span : undefined;
}

/**
 * Connect-style middleware for /graphql: continues the caller's trace
 * (`traceparent`) or starts one, opens the request's server span and makes it
 * the active context for everything the request runs: the GraphQL operation
 * (which names the span), SQL statements, calls to other services. Mounted
 * after the body is parsed: body parsing resumes in the socket's context, not
 * the middleware's.
 */
export function traceRequests(service: string) {
  return (req: http.IncomingMessage & { originalUrl?: string }, res: http.ServerResponse, next: () => void): void => {
    if (!tracingEnabled()) {
      next();
      return;
    }
    const parent = extractTraceContext(req.headers);
    const method = req.method ?? 'POST';
    const span = serviceTracer(service).startSpan(
      `${method} /graphql`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': '/graphql', 'url.path': '/graphql' } },
      parent,
    );
    requestSpans.add(span);
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
