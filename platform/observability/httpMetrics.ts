import type http from 'node:http';
import type { ServiceMetrics } from './metrics';

// Routes a service answers; anything else is counted as "other" so a scanner
// probing random paths cannot grow the series.
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
const METHODS = new Set(['GET', 'POST', 'OPTIONS', 'HEAD']);

/**
 * Connect-style middleware counting every HTTP request by route, method and
 * status once its response is finished. One shared listener function, no
 * per-request closure.
 */
export function httpRequestMetrics(metrics: ServiceMetrics) {
  const requests = metrics.counter('smartcart_http_requests_total', 'HTTP requests answered, by route, method and status', ['route', 'method', 'status']);
  function onFinish(this: http.ServerResponse & { req: http.IncomingMessage & { originalUrl?: string } }): void {
    // Express rewrites `url` inside a mounted router; `originalUrl` is what the client asked for.
    const url = this.req.originalUrl ?? this.req.url ?? '';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const method = this.req.method ?? 'GET';
    requests.labels(ROUTES.has(path) ? path : 'other', METHODS.has(method) ? method : 'other', String(this.statusCode)).inc();
  }
  return (_req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void => {
    res.once('finish', onFinish);
    next();
  };
}
