import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { injectTraceContext } from '../platform/observability/traceContext';
import { traceSubgraphFetch } from './traceSubgraphFetch';

export interface GatewayContext {
  /** Client headers the subgraphs may see (session token, API key, request id). */
  forwardedHeaders: Record<string, string>;
}

/** Passes the allow-listed client headers on to every subgraph request. */
export class HeaderForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** The subgraph's name in the supergraph (span names); its URL when not given. */
  readonly subgraph?: string;

  constructor(config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0] & { subgraph?: string } = {}) {
    super(config);
    this.subgraph = config.subgraph;
  }

  /** Each subgraph fetch of an operation is a client span (traceSubgraphFetch). */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    return traceSubgraphFetch(this.subgraph ?? this.url, this.url, options, () => super.process(options));
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (request.http) injectTraceContext(request.http.headers);
    const headers = (context as Partial<GatewayContext>).forwardedHeaders;
    if (!headers || !request.http) return;
    for (const [name, value] of Object.entries(headers)) request.http.headers.set(name, value);
  }
}
