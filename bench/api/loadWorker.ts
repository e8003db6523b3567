import fs from 'node:fs';
import autocannon from 'autocannon';
import type { BenchRequest } from './scenarios';

// The load generator, run as its own process so that its CPU is not the
// measured services' (nor the orchestrator's): reads a run's spec from the
// file named on the command line, drives it with autocannon, prints one JSON
// line with the figures. Requests cycle through the spec's list in order,
// across all connections (each connection picks the next one).

export interface LoadSpec {
  url: string;
  requests: BenchRequest[];
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  rate?: number;
}

export interface LoadResult {
  /** Answered within the run. */
  requests: number;
  /** Started (the last ones may still have been in flight at the end): what per-request costs divide by. */
  sent: number;
  /** Requests per second over the run. */
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  /** Non-2xx answers, GraphQL errors, socket errors and timeouts. */
  errors: number;
  firstError?: string;
}

async function main(): Promise<void> {
  const spec = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as LoadSpec;
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url: spec.url,
    method: 'POST',
    connections: spec.connections,
    duration: spec.durationSeconds,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
    timeout: 10,
    requests: [
      {
        setupRequest: (request: autocannon.Request) => {
          const chosen = spec.requests[next++ % spec.requests.length]!;
          return { ...request, method: 'POST', body: chosen.body, headers: chosen.headers };
        },
        onResponse: (status: number, body: string) => {
          // A GraphQL error arrives with status 200: the body tells.
          if (status !== 200 || body.includes('"errors"')) {
            failed++;
            firstError ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  const out: LoadResult = {
    requests: result.requests.total,
    sent: Math.max(next, result.requests.total),
    throughput: result.requests.total / (result.duration || spec.durationSeconds),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: failed + result.errors + result.timeouts,
    firstError,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
