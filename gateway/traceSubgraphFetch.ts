import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SpanKind } from '@opentelemetry/api';
import { inSpan } from '../platform/observability/inSpan';

/**
 * One subgraph fetch of an operation as a client span of the gateway, active
 * while the request is built so that `willSendRequest` propagates it: the
 * subgraph's server span becomes its child. Health checks and schema loading
 * are not traced (no operation to hang them under).
 */
export function traceSubgraphFetch<T>(subgraph: string, url: string | undefined, options: GraphQLDataSourceProcessOptions<any>, fetch: () => Promise<T>): Promise<T> {
  // GraphQLDataSourceRequestKind.INCOMING_OPERATION (the enum is not exported from the package root).
  if (options.kind !== 'incoming operation') return fetch();
  const attributes: Record<string, string> = { 'smartcart.subgraph': subgraph, 'http.request.method': 'POST' };
  if (url) attributes['url.full'] = url;
  return inSpan('gateway', `subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes, onlyWithParent: true }, () => fetch());
}
