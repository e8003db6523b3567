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

export type Availability =
  /** No longer sold. */
  | 'ARCHIVED'
  | 'IN_STOCK'
  /** 5 units or fewer left. */
  | 'LOW_STOCK'
  | 'OUT_OF_STOCK';

export type CreateCategoryInput = {
  name: Scalars['String']['input'];
  parentId: InputMaybe<Scalars['ID']['input']>;
  /** Lower-case letters, digits and `-`; derived from the name when omitted. */
  slug: InputMaybe<Scalars['String']['input']>;
};

export type CreateProductInput = {
  brand: InputMaybe<Scalars['String']['input']>;
  categoryId: InputMaybe<Scalars['ID']['input']>;
  /** ISO-4217 code; EUR when omitted. */
  currency: InputMaybe<Scalars['String']['input']>;
  description: InputMaybe<Scalars['String']['input']>;
  dietaryTags: InputMaybe<Array<DietaryTag>>;
  /** 0–100. */
  discountPercent: InputMaybe<Scalars['Decimal']['input']>;
  /** EAN-13, EAN-8, UPC-A or GTIN-14 with a valid check digit; unique. */
  gtin: InputMaybe<Scalars['String']['input']>;
  images: InputMaybe<Array<ImageInput>>;
  /** MERCHANDISE when omitted. */
  kind: InputMaybe<ProductKind>;
  /** 1–200 characters. */
  name: Scalars['String']['input'];
  nutrition: InputMaybe<NutritionInput>;
  /** Regular price: ≥ 0, at most 2 decimals. */
  price: Scalars['Decimal']['input'];
  rating: InputMaybe<Scalars['Float']['input']>;
  ratingCount: InputMaybe<Scalars['Int']['input']>;
  /** 1–64 characters: letters, digits, `-`, `_`, `.`; starts with a letter or digit. */
  sku: Scalars['String']['input'];
  /** 0–1,000,000; 0 when omitted. */
  stockQuantity: InputMaybe<Scalars['Int']['input']>;
  sustainability: InputMaybe<SustainabilityInput>;
  tags: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateStoreInput = {
  city: Scalars['String']['input'];
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  name: Scalars['String']['input'];
};

export type DietaryTag =
  | 'GLUTEN_FREE'
  | 'HALAL'
  | 'KOSHER'
  | 'LACTOSE_FREE'
  | 'NUT_FREE'
  | 'VEGAN'
  | 'VEGETARIAN';

export type ImageInput = {
  alt: InputMaybe<Scalars['String']['input']>;
  /** An absolute http(s) URL or a path starting with /. */
  url: Scalars['String']['input'];
};

export type ImportFormat =
  | 'CSV'
  | 'JSON'
  /** An Open Food Facts CSV export (code, product_name, … columns) plus a `price` column: see docs/catalog.md for the mapping. */
  | 'OPEN_FOOD_FACTS';

export type LocationInput = {
  /** -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** -180 to 180. */
  longitude: Scalars['Float']['input'];
};

export type NearInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  /** 0 < radiusKm ≤ 1000. */
  radiusKm: InputMaybe<Scalars['Float']['input']>;
};

/** The Nutri-Score front-of-pack grade: A is the healthiest choice of its kind, E the least. */
export type NutriScore =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E';

export type NutritionExtraInput = {
  name: Scalars['String']['input'];
  unit: Scalars['String']['input'];
  value: Scalars['Float']['input'];
};

export type NutritionInput = {
  carbohydrates: InputMaybe<Scalars['Float']['input']>;
  energyKcal: InputMaybe<Scalars['Float']['input']>;
  extras: InputMaybe<Array<NutritionExtraInput>>;
  fat: InputMaybe<Scalars['Float']['input']>;
  fibre: InputMaybe<Scalars['Float']['input']>;
  nutriScore: InputMaybe<NutriScore>;
  protein: InputMaybe<Scalars['Float']['input']>;
  salt: InputMaybe<Scalars['Float']['input']>;
  saturatedFat: InputMaybe<Scalars['Float']['input']>;
  sugars: InputMaybe<Scalars['Float']['input']>;
};

export type ProductFilter = {
  /** This category and all its descendants. */
  categoryId: InputMaybe<Scalars['ID']['input']>;
  /** Products carrying ALL of these tags. */
  dietaryTags: InputMaybe<Array<DietaryTag>>;
  /** true: only in stock; false: only out of stock. */
  inStock: InputMaybe<Scalars['Boolean']['input']>;
  includeArchived: InputMaybe<Scalars['Boolean']['input']>;
  /** On the effective price. */
  maxPrice: InputMaybe<Scalars['Decimal']['input']>;
  /** On the effective price. */
  minPrice: InputMaybe<Scalars['Decimal']['input']>;
  minSustainabilityScore: InputMaybe<Scalars['Int']['input']>;
  /** Only products stocked by a store within the radius. */
  near: InputMaybe<NearInput>;
  /** Full-text search over name, brand, tags and description (web-search syntax: "quoted phrase", or, -word). */
  text: InputMaybe<Scalars['String']['input']>;
};

/**
 * What a catalog line is. Anything but MERCHANDISE is something a shop charges
 * for without it being goods to suggest: it is never recommended and never
 * counts as a co-purchase or as popularity (docs/recommendations.md).
 */
export type ProductKind =
  /** A bottle or container deposit. */
  | 'DEPOSIT'
  /** Postage, carriage, bank or marketplace charges, carrier-bag charges. */
  | 'FEE'
  /** A gift card or voucher. */
  | 'GIFT_CARD'
  /** Goods: the default. */
  | 'MERCHANDISE'
  /** A service charge, installation, a manual adjustment. */
  | 'SERVICE';

export type ProductSort =
  | 'NEWEST'
  /** Cheapest effective price first. */
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  /** Best text match first; without `filter.text`, the same as NEWEST. */
  | 'RELEVANCE'
  /** Highest sustainability score first; unrated last. */
  | 'SUSTAINABILITY';

export type SustainabilityInput = {
  carbonFootprintKg: InputMaybe<Scalars['Float']['input']>;
  labels: InputMaybe<Array<SustainabilityLabel>>;
  score: InputMaybe<Scalars['Int']['input']>;
};

export type SustainabilityLabel =
  | 'ANIMAL_WELFARE'
  | 'CARBON_NEUTRAL'
  | 'FAIR_TRADE'
  | 'LOCAL'
  | 'MSC_CERTIFIED'
  | 'ORGANIC'
  | 'PLASTIC_FREE'
  | 'RAINFOREST_ALLIANCE'
  | 'RECYCLABLE_PACKAGING'
  | 'SEASONAL';

export type UpdateCategoryInput = {
  name: InputMaybe<Scalars['String']['input']>;
  /** null makes it a root. */
  parentId: InputMaybe<Scalars['ID']['input']>;
  slug: InputMaybe<Scalars['String']['input']>;
};

/** Every field optional: only the fields given change; null clears an optional one. */
export type UpdateProductInput = {
  brand: InputMaybe<Scalars['String']['input']>;
  categoryId: InputMaybe<Scalars['ID']['input']>;
  currency: InputMaybe<Scalars['String']['input']>;
  description: InputMaybe<Scalars['String']['input']>;
  dietaryTags: InputMaybe<Array<DietaryTag>>;
  discountPercent: InputMaybe<Scalars['Decimal']['input']>;
  gtin: InputMaybe<Scalars['String']['input']>;
  images: InputMaybe<Array<ImageInput>>;
  kind: InputMaybe<ProductKind>;
  name: InputMaybe<Scalars['String']['input']>;
  nutrition: InputMaybe<NutritionInput>;
  price: InputMaybe<Scalars['Decimal']['input']>;
  rating: InputMaybe<Scalars['Float']['input']>;
  ratingCount: InputMaybe<Scalars['Int']['input']>;
  sku: InputMaybe<Scalars['String']['input']>;
  stockQuantity: InputMaybe<Scalars['Int']['input']>;
  sustainability: InputMaybe<SustainabilityInput>;
  tags: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateStoreInput = {
  city: InputMaybe<Scalars['String']['input']>;
  latitude: InputMaybe<Scalars['Float']['input']>;
  longitude: InputMaybe<Scalars['Float']['input']>;
  name: InputMaybe<Scalars['String']['input']>;
};

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';

export type CatalogProductsQueryVariables = Exact<{
  representations: Array<Record<string, unknown>> | Record<string, unknown>;
}>;


export type CatalogProductsQuery = { _entities: Array<
    | { id: string, name: string, price: string, effectivePrice: string, currency: string, stockQuantity: number, archived: boolean, sustainability: { score: number | null } | null }
    | Record<PropertyKey, never>
   | null> };

export type CatalogSkusQueryVariables = Exact<{
  skus: Array<string> | string;
}>;


export type CatalogSkusQuery = { productsBySku: Array<{ id: string, sku: string, price: string } | null> };


export const CatalogProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"representations"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"_Any"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"_entities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"representations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"representations"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"effectivePrice"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"stockQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"sustainability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogProductsQuery, CatalogProductsQueryVariables>;
export const CatalogSkusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogSkus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skus"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productsBySku"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"skus"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}}]} as unknown as DocumentNode<CatalogSkusQuery, CatalogSkusQueryVariables>;