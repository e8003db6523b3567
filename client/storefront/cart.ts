import { useMutation, useQuery } from '@apollo/client/react';
import { AddToCartDocument, CartDocument } from '../gql/graphql';

/** The session's cart with its suggestions; kept live by the CartSuggestions subscription (App). */
export function useCart() {
  return useQuery(CartDocument, { fetchPolicy: 'cache-first' });
}

/** Adds one unit; `recommendationId` when added from a recommendation panel (attributed at checkout). */
export function useAddToCart() {
  const [add, state] = useMutation(AddToCartDocument);
  return {
    add: (productId: string, recommendationId?: string) => add({ variables: { productId, quantity: 1, recommendationId } }),
    adding: state.loading,
    error: state.error,
  };
}
