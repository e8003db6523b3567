import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';

export interface GatewayContext {
  /** Client headers the subgraphs may see (session token, API key, request id). */
  forwardedHeaders: Record<string, string>;
}

/** Passes the allow-listed client headers on to every subgraph request. */
export class HeaderForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = (context as Partial<GatewayContext>).forwardedHeaders;
    if (!headers || !request.http) return;
    for (const [name, value] of Object.entries(headers)) request.http.headers.set(name, value);
  }
}
