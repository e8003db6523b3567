import { context, SpanStatusCode, trace, type Span, type SpanOptions } from '@opentelemetry/api';
import { serviceTracer, tracingEnabled } from './tracing';

export interface InSpanOptions extends SpanOptions {
  /**
   * Only trace when called inside a traced request: background work (event
   * consumers, scheduled training, migrations) would otherwise start a root
   * span per SQL statement.
   */
  onlyWithParent?: boolean;
}

/**
 * Runs `fn` inside a span of `service` named `name`, active for everything
 * `fn` starts (so nested spans and outgoing trace context hang under it). The
 * span ends when `fn` returns or its promise settles; a failure marks it as an
 * error with the exception recorded. With tracing off, just calls `fn`.
 */
export function inSpan<T>(service: string, name: string, options: InSpanOptions, fn: (span: Span | undefined) => T): T {
  if (!tracingEnabled()) return fn(undefined);
  const parent = context.active();
  if (options.onlyWithParent && !trace.getSpan(parent)) return fn(undefined);
  const span = serviceTracer(service).startSpan(name, options, parent);
  const failed = (error: unknown) => {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
  };
  let result: T;
  try {
    result = context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    failed(error);
    span.end();
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        failed(error);
        span.end();
        throw error;
      },
    ) as T;
  }
  span.end();
  return result;
}
