import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config, MetricsConfig, ServiceName } from '../config';
import type { ServiceMetrics } from './metrics';

/** Where and how one service answers GET /metrics. */
export interface MetricsEndpointOptions {
  /** A port of its own (0 picks a free one); unset: /metrics on the service's own port. */
  port?: number;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string;
  operationNames?: string[];
  maxOperationNames?: number;
}

export function metricsEndpointOptions(config: Config, service: ServiceName): MetricsEndpointOptions {
  const metrics: MetricsConfig = config.observability.metrics;
  return { port: metrics.ports[service], token: metrics.token, operationNames: metrics.operationNames, maxOperationNames: metrics.maxOperationNames };
}

/**
 * Answers a scrape: 401 without the configured bearer token, otherwise the
 * exposition text. Plain `http` handler, so it serves the service's own
 * express app and a separate metrics port alike.
 */
export function metricsHandler(metrics: ServiceMetrics, token: string | undefined) {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
        res.end(JSON.stringify({ error: 'metrics need the bearer token' }));
        return;
      }
    }
    metrics.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.contentType });
        res.end(text);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`metrics failed: ${error.message}`);
      },
    );
  };
}

/** A listener of its own that serves only GET /metrics (for a public gateway). */
export async function listenMetrics(metrics: ServiceMetrics, options: MetricsEndpointOptions & { port: number }, host: string): Promise<http.Server> {
  const handle = metricsHandler(metrics, options.token);
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/metrics' || req.url?.startsWith('/metrics?'))) return handle(req, res);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export function serverPort(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}
