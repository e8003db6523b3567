import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { inSpan } from '../platform/observability/inSpan';

/** What a subgraph answers, as far as its span cares. */
interface SubgraphAnswer {
  errors?: readonly { extensions?: Record<string, unknown> }[];
}

/**
 * One subgraph fetch of an operation as a client span of the gateway, active
 * while the request is built so that `willSendRequest` propagates it: the
 * subgraph's server span becomes its child. An answer with errors marks the
 * span failed with their codes. Health checks and schema loading are not
 * traced (no operation to hang them under).
 */
export function traceSubgraphFetch<T extends SubgraphAnswer>(subgraph: string, url: string | undefined, options: GraphQLDataSourceProcessOptions<any>, fetch: () => Promise<T>): Promise<T> {
  // GraphQLDataSourceRequestKind.INCOMING_OPERATION (the enum is not exported from the package root).
  if (options.kind !== 'incoming operation') return fetch();
  const attributes: Record<string, string> = { 'smartcart.subgraph': subgraph, 'http.request.method': 'POST' };
  if (url) attributes['url.full'] = url;
  return inSpan('gateway', `subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes, onlyWithParent: true }, async (span) => {
    const answer = await fetch();
    if (span && answer.errors?.length) {
      const codes = [...new Set(answer.errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
      span.setAttribute('graphql.error.codes', codes);
      span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
    }
    return answer;
  });
}
