/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** One line of addItemsToCart. */
export type CartLineInput = {
  productId: string;
  /** 1–999. */
  quantity: number;
  /** The recommendation the product was added from (1–64 characters), as in addToCart. */
  recommendationId: string | null | undefined;
};

/** The same values as the products subgraph's DietaryTag. */
export type DietaryTag =
  | 'GLUTEN_FREE'
  | 'HALAL'
  | 'KOSHER'
  | 'LACTOSE_FREE'
  | 'NUT_FREE'
  | 'VEGAN'
  | 'VEGETARIAN';

export type SustainabilityPreference =
  | 'NONE'
  /** Only sustainable products. */
  | 'ONLY'
  /** Rank sustainable products higher. */
  | 'PREFER';

export type AddItemsToCartMutationVariables = Exact<{
  items: Array<CartLineInput> | CartLineInput;
  idempotencyKey: string | null | undefined;
}>;


export type AddItemsToCartMutation = { addItemsToCart: { id: string, version: number } };

export type SessionShopperQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionShopperQuery = { me: { id: string } | null };

export type ShoppingListShopperQueryVariables = Exact<{ [key: string]: never; }>;


export type ShoppingListShopperQuery = { me: { id: string, preferences: { dietaryRestrictions: Array<DietaryTag>, sustainabilityPreference: SustainabilityPreference } | null } | null, cart: { id: string, currency: string, items: Array<{ quantity: number, product: { id: string } }>, budget: { remaining: string | null } } };


export const AddItemsToCartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddItemsToCart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"items"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CartLineInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addItemsToCart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"items"},"value":{"kind":"Variable","name":{"kind":"Name","value":"items"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<AddItemsToCartMutation, AddItemsToCartMutationVariables>;
export const SessionShopperDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionShopper"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SessionShopperQuery, SessionShopperQueryVariables>;
export const ShoppingListShopperDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShoppingListShopper"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"preferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dietaryRestrictions"}},{"kind":"Field","name":{"kind":"Name","value":"sustainabilityPreference"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cart"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]}}]} as unknown as DocumentNode<ShoppingListShopperQuery, ShoppingListShopperQueryVariables>;