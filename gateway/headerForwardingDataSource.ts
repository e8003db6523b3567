import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { injectTraceContext } from '../platform/observability/traceContext';
import { isSharableOperation } from './inFlightDedupe';
import type { SubgraphReply, SubgraphSendInit } from './subgraphFetcher';
import { traceSubgraphFetch } from './traceSubgraphFetch';

export interface GatewayContext {
  /** Client headers the subgraphs may see (session token, API key, request id). */
  forwardedHeaders: Record<string, string>;
}

/** SubgraphFetcher.send: one subgraph exchange, its body read whole. */
export type SubgraphSend = (url: string, init: SubgraphSendInit) => Promise<SubgraphReply>;

type DataSourceConfig = ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0] & { subgraph?: string; send?: SubgraphSend };
type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
/** The stock data source's last step (cache-control hints, didReceiveResponse); private in its typings only. */
type Respond = (args: { response: GatewayGraphQLResponse; request: Options['request']; context: GatewayContext; overallCachePolicy: unknown; pathInIncomingRequest: unknown }) => Promise<GatewayGraphQLResponse>;

/**
 * Passes the allow-listed client headers on to every subgraph request.
 *
 * Given `send` (the gateway's subgraph fetcher), a request goes out without
 * the stock path's node-fetch Request and web-stream Response: the body is
 * serialised once, sent with undici's request API and read as one string,
 * and a query (never a mutation) may share an identical one in flight.
 * Everything else (headers, errors for non-2xx answers, cache-control hints)
 * is the stock data source's own code.
 */
export class HeaderForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** The subgraph's name in the supergraph (span names); its URL when not given. */
  readonly subgraph?: string;
  private readonly send?: SubgraphSend;

  constructor(config: DataSourceConfig = {}) {
    super(config);
    this.subgraph = config.subgraph;
    this.send = config.send;
  }

  /** Each subgraph fetch of an operation is a client span (traceSubgraphFetch). */
  override process(options: Options) {
    const send = this.send;
    // Persisted queries need the stock two-step exchange.
    const run = send && !this.apq ? () => this.processWith(send, options) : () => super.process(options);
    return traceSubgraphFetch(this.subgraph ?? this.url, this.url, options, run);
  }

  override willSendRequest({ request, context }: Options): void {
    if (request.http) injectTraceContext(request.http.headers);
    const headers = (context as Partial<GatewayContext>).forwardedHeaders;
    if (!headers || !request.http) return;
    for (const [name, value] of Object.entries(headers)) request.http.headers.set(name, value);
  }

  private async processWith(send: SubgraphSend, options: Options): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const headers = new Headers();
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers.append(name, value);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers: headers as unknown as NonNullable<typeof request.http>['headers'] };
    this.willSendRequest(options);
    if (!request.query) throw new Error('Missing query');
    const { http, ...withoutHttp } = request;
    const reply = await send(http.url, {
      method: http.method,
      headers: Object.fromEntries(headers),
      body: JSON.stringify(withoutHttp),
      sharable: isSharableOperation(request.query),
    });
    const fetched = replyAsResponse(http.url, reply);
    if (!fetched.ok) throw await this.errorFromResponse(fetched);
    const body = await this.parseBody(fetched);
    if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${body}`);
    const incoming = options.kind === 'incoming operation' ? options : undefined;
    const policy = incoming?.incomingRequestContext.overallCachePolicy;
    const respond = (this as unknown as { respond: Respond }).respond.bind(this);
    return respond({
      response: { ...body, http: fetched } as GatewayGraphQLResponse,
      request,
      context: context as GatewayContext,
      overallCachePolicy: this.honorSubgraphCacheControlHeader && policy && 'restrict' in policy ? policy : null,
      pathInIncomingRequest: incoming?.pathInIncomingRequest,
    });
  }
}

/** The little of a fetch Response the stock data source reads (status, headers, body), over a reply already read. */
function replyAsResponse(url: string, reply: SubgraphReply) {
  const header = (name: string) => {
    const value = reply.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : (value ?? null);
  };
  return {
    url,
    status: reply.status,
    statusText: reply.statusText,
    ok: reply.status >= 200 && reply.status < 300,
    headers: { get: header, has: (name: string) => header(name) !== null },
    json: async () => JSON.parse(reply.body) as unknown,
    text: async () => reply.body,
  } as unknown as Parameters<RemoteGraphQLDataSource['parseBody']>[0];
}
