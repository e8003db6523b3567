import { context, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import type { TracingConfig } from '../config';

// OpenTelemetry tracing, one tracer provider per service in the process, so
// that each span's resource names the service that did the work (`npm start`
// and the test stack run every service in one process). Nothing is registered
// globally except the context manager: libraries that trace through the
// global API (Apollo Gateway does) stay silent.
//
// Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (or a test installs an
// exporter): then every helper here is a flag check and a direct call.

export interface TracingOverrides {
  /** Tests: spans go here, each as soon as it ends (no batching), whatever the configuration says. */
  exporter?: SpanExporter;
  /** service.instance.id of every span (INSTANCE_ID). */
  instanceId?: string;
}

interface Installed {
  processorFor(service: string): SpanProcessor;
  sampler: ParentBasedSampler;
  instanceId?: string;
  contextManager: AsyncLocalStorageContextManager;
}

let installed: Installed | undefined;
const providers = new Map<string, NodeTracerProvider>();
const NOOP_TRACER = trace.getTracer('smartcart-noop');

/** True once tracing is started: the cheap check every instrumented path makes first. */
export function tracingEnabled(): boolean {
  return installed !== undefined;
}

/**
 * Starts tracing for this process when an OTLP endpoint is configured (or a
 * test passes an exporter). Once per process: later calls are no-ops, so every
 * entry point may call it. Returns whether tracing is on.
 */
export function startTracing(config: TracingConfig, overrides: TracingOverrides = {}): boolean {
  if (installed) return true;
  const { exporter } = overrides;
  if (!exporter && !config.otlpEndpoint) return false;
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  installed = {
    // Each service's provider has its own processor: shutting one down must not stop the others.
    processorFor: exporter
      ? () => new SimpleSpanProcessor(exporter)
      : () => new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.otlpEndpoint}/v1/traces` })),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.samplingRatio) }),
    instanceId: overrides.instanceId,
    contextManager,
  };
  return true;
}

/** The tracer of one service (a no-op tracer while tracing is off). */
export function serviceTracer(service: string): Tracer {
  if (!installed) return NOOP_TRACER;
  let provider = providers.get(service);
  if (!provider) {
    provider = new NodeTracerProvider({
      resource: resourceFromAttributes({
        'service.name': service,
        'service.namespace': 'smartcart',
        ...(installed.instanceId ? { 'service.instance.id': installed.instanceId } : {}),
      }),
      sampler: installed.sampler,
      spanProcessors: [installed.processorFor(service)],
    });
    providers.set(service, provider);
  }
  return provider.getTracer('smartcart');
}

/** Sends what is still buffered and stops tracing (process shutdown; tests between stacks). */
export async function stopTracing(): Promise<void> {
  const all = [...providers.values()];
  providers.clear();
  const current = installed;
  installed = undefined;
  await Promise.all(all.map((provider) => provider.shutdown().catch(() => undefined)));
  if (current) {
    current.contextManager.disable();
    context.disable();
  }
}
