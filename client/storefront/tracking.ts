import type { ApolloClient } from '@apollo/client';
import { TrackEventDocument } from '../gql/graphql';

/**
 * A click on a recommended product, with its recommendation id (experiment
 * attribution). Best effort: a failed track never blocks the shopper.
 * Purchases need no call here: an item added with its recommendationId
 * carries it into the order's PURCHASE events at checkout.
 */
export function trackRecommendationClick(apollo: ApolloClient, productId: string, recommendationId: string): void {
  void apollo.mutate({ mutation: TrackEventDocument, variables: { input: { type: 'CLICK', productId, recommendationId } } }).catch(() => undefined);
}

export function trackView(apollo: ApolloClient, productId: string): void {
  void apollo.mutate({ mutation: TrackEventDocument, variables: { input: { type: 'VIEW', productId } } }).catch(() => undefined);
}
