/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC. */
  DateTime: { input: string; output: string; }
  /**
   * An exact decimal number sent as a string ("3.49"), so that money never passes
   * through a binary float.
   */
  Decimal: { input: string; output: string; }
  _Any: { input: Record<string, unknown>; output: Record<string, unknown>; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Policy: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  link__Import: { input: unknown; output: unknown; }
};

export type BudgetStatus =
  /** At 90 % of the limit or more. */
  | 'NEAR'
  | 'NO_BUDGET'
  | 'OVER'
  | 'UNDER';

export type CreateApiKeyInput = {
  /** 1–120 characters, such as "Warehouse sync". */
  name: Scalars['String']['input'];
  /** At least one of admin, catalog-editor, service, read-only. */
  roles: Array<Scalars['String']['input']>;
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

export type InteractionType =
  | 'ADD_TO_CART'
  | 'CLICK'
  | 'PURCHASE'
  | 'REMOVE_FROM_CART'
  | 'SEARCH'
  | 'VIEW';

/** How an order history handed to `importOrderHistory` is written. */
export type OrderHistoryFormat =
  /** A header row naming the columns, then one order line per row. */
  | 'CSV'
  /** A JSON array of order-line objects. */
  | 'JSON'
  /** One order-line object per line. */
  | 'JSON_LINES';

export type OrderStatus =
  | 'PLACED';

/** Every field optional: only the fields given change; `null` clears one. */
export type PreferencesInput = {
  /** ≥ 0, at most 2 decimals; null removes the budget. */
  budgetLimit: InputMaybe<Scalars['Decimal']['input']>;
  /** Replaces the list; null empties it. */
  dietaryRestrictions: InputMaybe<Array<DietaryTag>>;
  /** Category ids (UUIDs), at most 20; replaces the list; null empties it. */
  favouriteCategoryIds: InputMaybe<Array<Scalars['ID']['input']>>;
  /** null forgets the location. */
  location: InputMaybe<ShopperLocationInput>;
  /** null resets it to NONE. */
  sustainabilityPreference: InputMaybe<SustainabilityPreference>;
};

export type ShopperLocationInput = {
  /** 1–120 characters. */
  city: InputMaybe<Scalars['String']['input']>;
  /** -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** -180 to 180. */
  longitude: Scalars['Float']['input'];
};

export type SustainabilityPreference =
  | 'NONE'
  /** Only sustainable products. */
  | 'ONLY'
  /** Rank sustainable products higher. */
  | 'PREFER';

export type TrackEventInput = {
  /** Required for every type but SEARCH. */
  productId: InputMaybe<Scalars['ID']['input']>;
  /** Required for SEARCH: 1–200 characters. */
  query: InputMaybe<Scalars['String']['input']>;
  /** The `id` of the recommendation the shopper acted on (1–64 characters), for attribution. */
  recommendationId: InputMaybe<Scalars['String']['input']>;
  type: InteractionType;
};

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';

export type SessionShopperQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionShopperQuery = { me: { id: string } | null };


export const SessionShopperDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionShopper"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SessionShopperQuery, SessionShopperQueryVariables>;