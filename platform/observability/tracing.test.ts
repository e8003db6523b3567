import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { postGraphQL } from '../http/postGraphQL';
import { inSpan } from './inSpan';
import { injectTraceContext } from './traceContext';
import { serviceTracer, startTracing, stopTracing, tracingEnabled } from './tracing';

/** A GraphQL peer that records the headers of every call. */
async function recordingPeer(): Promise<{ url: string; headers: http.IncomingHttpHeaders[]; close(): Promise<void> }> {
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    headers.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{"__typename":"Query"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    headers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

afterEach(async () => {
  await stopTracing();
});

describe('tracing', () => {
  it('is off without an OTLP endpoint: no provider, no headers, spans are plain calls', async () => {
    expect(startTracing({ samplingRatio: 1 })).toBe(false);
    expect(tracingEnabled()).toBe(false);
    expect(serviceTracer('products').startSpan('x').isRecording()).toBe(false);
    expect(inSpan('products', 'work', {}, (span) => (span === undefined ? 'plain' : 'traced'))).toBe('plain');
    expect(injectTraceContext({ 'content-type': 'application/json' })).toEqual({ 'content-type': 'application/json' });
    const peer = await recordingPeer();
    try {
      await postGraphQL(peer.url, parse('{ __typename }'));
      expect(peer.headers[0]!.traceparent).toBeUndefined();
    } finally {
      await peer.close();
    }
  });

  it('carries the active span to a peer service (W3C traceparent) through postGraphQL', async () => {
    const exporter = new InMemorySpanExporter();
    expect(startTracing({ samplingRatio: 1 }, { exporter })).toBe(true);
    const peer = await recordingPeer();
    try {
      const spanId = await inSpan('users', 'call products', { kind: SpanKind.INTERNAL }, async (span) => {
        await postGraphQL(peer.url, parse('{ __typename }'));
        return span!.spanContext();
      });
      expect(peer.headers[0]!.traceparent).toBe(`00-${spanId.traceId}-${spanId.spanId}-01`);
      const [span] = exporter.getFinishedSpans();
      expect(span!.name).toBe('call products');
      expect(span!.resource.attributes['service.name']).toBe('users');
    } finally {
      await peer.close();
    }
  });

  it('exports over OTLP/HTTP to <endpoint>/v1/traces when an endpoint is configured, flushing on stop', async () => {
    const received: { url?: string; method?: string; bytes: number }[] = [];
    const collector = http.createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        received.push({ url: req.url, method: req.method, bytes });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
      expect(startTracing({ otlpEndpoint: endpoint, samplingRatio: 1 })).toBe(true);
      inSpan('products', 'exported', {}, () => undefined);
      // Batched: nothing needs to have gone yet; stopping sends what is buffered.
      await stopTracing();
      expect(received.length).toBeGreaterThanOrEqual(1);
      expect(received[0]).toMatchObject({ url: '/v1/traces', method: 'POST' });
      expect(received[0]!.bytes).toBeGreaterThan(0);
    } finally {
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    }
  });

  it('records a failure on the span and rethrows it', async () => {
    const exporter = new InMemorySpanExporter();
    startTracing({ samplingRatio: 1 }, { exporter });
    await expect(inSpan('recommendations', 'engine', {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: 2, message: 'boom' });
    expect(span!.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('records no new trace when the sampling ratio (OTEL_TRACES_SAMPLER_ARG) is 0', async () => {
    const exporter = new InMemorySpanExporter();
    startTracing({ samplingRatio: 0 }, { exporter });
    expect(inSpan('gateway', 'root', {}, (span) => span!.isRecording())).toBe(false);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
