import { performance } from 'node:perf_hooks';
import { SpanKind } from '@opentelemetry/api';
import { inSpan } from '../observability/inSpan';
import { tracingEnabled } from '../observability/tracing';
import { serviceMetrics } from '../observability/metrics';

/** Runs one SQL statement, timed and traced. */
export type StatementRunner = <T>(sql: string, run: () => Promise<T>) => Promise<T>;

/** Statement text kept on a span: enough to recognise the statement, never its parameter values (Prisma sends placeholders). */
export const MAX_TRACED_STATEMENT_CHARS = 500;

const OPERATIONS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'SET']);

/** The statement's leading keyword (a bounded label): SELECT, INSERT, … or OTHER. */
export function statementOperation(sql: string): string {
  const match = /^\s*([A-Za-z]+)/.exec(sql);
  const keyword = match ? match[1]!.toUpperCase() : '';
  return OPERATIONS.has(keyword) ? keyword : 'OTHER';
}

/**
 * The latency histogram `smartcart_db_statement_duration_seconds{operation}`
 * of one service, and a client span per statement when the statement runs
 * inside a traced request (db.system, the operation, the statement text
 * truncated, no parameter values).
 */
export function statementTelemetry(service: string): StatementRunner {
  const latency = serviceMetrics(service).histogram(
    'smartcart_db_statement_duration_seconds',
    'SQL statement latency, by leading keyword (SELECT, INSERT, …)',
    ['operation'],
  );
  return <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    const operation = statementOperation(sql);
    const started = performance.now();
    const observe = () => latency.observe({ operation }, (performance.now() - started) / 1000);
    if (!tracingEnabled()) return run().finally(observe);
    // One line, so that a trace viewer shows the statement's start.
    const text = sql.trim().replace(/\s+/g, ' ');
    const attributes = {
      'db.system': 'postgresql',
      'db.system.name': 'postgresql',
      'db.operation.name': operation,
      'db.query.text': text.length > MAX_TRACED_STATEMENT_CHARS ? `${text.slice(0, MAX_TRACED_STATEMENT_CHARS)}…` : text,
    };
    return inSpan(service, operation, { kind: SpanKind.CLIENT, attributes, onlyWithParent: true }, () => run()).finally(observe);
  };
}
