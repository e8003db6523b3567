import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../headerForwardingDataSource';

export interface ForwardedResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Runs an ordinary operation through the gateway itself, as the shopper holding `sessionToken`. */
export type GatewayExecutor = (
  query: string,
  variables: Record<string, unknown> | undefined,
  sessionToken: string,
  operationName?: string | null,
) => Promise<ForwardedResult>;

/** In-process: the same plan, subgraph fetches and error masking as POST /graphql, without the HTTP hop. */
export function apolloExecutor(apollo: ApolloServer<GatewayContext>): GatewayExecutor {
  return async (query, variables, sessionToken, operationName) => {
    const response = await apollo.executeOperation(
      { query, variables, operationName: operationName ?? undefined },
      { contextValue: { forwardedHeaders: { 'x-session-token': sessionToken } } },
    );
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not offered over subscriptions');
    return response.body.singleResult as ForwardedResult;
  };
}
