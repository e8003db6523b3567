import { context, ROOT_CONTEXT, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { tracingEnabled } from './tracing';

// W3C trace context (`traceparent`, `tracestate`) in and out of every service.
// The propagator is used directly rather than registered globally, for the same
// reason as the providers (tracing.ts).

const propagator = new W3CTraceContextPropagator();

/** Header bags the services hand around: fetch's Headers, or a plain record. */
type HeaderBag = { set(name: string, value: string): void } | Record<string, string>;

const setter: TextMapSetter<HeaderBag> = {
  set(carrier, key, value) {
    if (typeof (carrier as { set?: unknown }).set === 'function') (carrier as { set(name: string, value: string): void }).set(key, value);
    else (carrier as Record<string, string>)[key] = value;
  },
};

type IncomingHeaders = Record<string, string | string[] | undefined>;

const getter: TextMapGetter<IncomingHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key.toLowerCase()],
};

/**
 * Writes the active span's trace context into outgoing request headers (a
 * subgraph fetch, a call to a peer service) and returns them. Nothing when
 * tracing is off or no span is active.
 */
export function injectTraceContext<H extends HeaderBag>(headers: H): H {
  if (tracingEnabled()) propagator.inject(context.active(), headers, setter);
  return headers;
}

/** The caller's trace context from incoming request headers (node's lower-cased IncomingHttpHeaders). */
export function extractTraceContext(headers: IncomingHeaders): Context {
  return propagator.extract(ROOT_CONTEXT, headers, getter);
}
