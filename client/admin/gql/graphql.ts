/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Availability =
  /** No longer sold. */
  | 'ARCHIVED'
  | 'IN_STOCK'
  /** 5 units or fewer left. */
  | 'LOW_STOCK'
  | 'OUT_OF_STOCK';

export type CreateApiKeyInput = {
  /** 1–120 characters, such as "Warehouse sync". */
  name: string;
  /** At least one of admin, catalog-editor, service, read-only. */
  roles: Array<string>;
};

export type CreateCategoryInput = {
  name: string;
  parentId?: string | null | undefined;
  /** Lower-case letters, digits and `-`; derived from the name when omitted. */
  slug?: string | null | undefined;
};

export type CreateStoreInput = {
  city: string;
  latitude: number;
  longitude: number;
  name: string;
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

export type ImageInput = {
  alt?: string | null | undefined;
  /** An absolute http(s) URL or a path starting with /. */
  url: string;
};

export type ImportFormat =
  | 'CSV'
  | 'JSON'
  /** An Open Food Facts CSV export (code, product_name, … columns) plus a `price` column: see docs/catalog.md for the mapping. */
  | 'OPEN_FOOD_FACTS';

/** The Nutri-Score front-of-pack grade: A is the healthiest choice of its kind, E the least. */
export type NutriScore =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E';

export type NutritionExtraInput = {
  name: string;
  unit: string;
  value: number;
};

export type NutritionInput = {
  carbohydrates?: number | null | undefined;
  energyKcal?: number | null | undefined;
  extras?: Array<NutritionExtraInput> | null | undefined;
  fat?: number | null | undefined;
  fibre?: number | null | undefined;
  nutriScore?: NutriScore | null | undefined;
  protein?: number | null | undefined;
  salt?: number | null | undefined;
  saturatedFat?: number | null | undefined;
  sugars?: number | null | undefined;
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

export type SustainabilityInput = {
  carbonFootprintKg?: number | null | undefined;
  labels?: Array<SustainabilityLabel> | null | undefined;
  score?: number | null | undefined;
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
  name?: string | null | undefined;
  /** null makes it a root. */
  parentId?: string | null | undefined;
  slug?: string | null | undefined;
};

/** Every field optional: only the fields given change; null clears an optional one. */
export type UpdateProductInput = {
  brand?: string | null | undefined;
  categoryId?: string | null | undefined;
  currency?: string | null | undefined;
  description?: string | null | undefined;
  dietaryTags?: Array<DietaryTag> | null | undefined;
  discountPercent?: string | null | undefined;
  gtin?: string | null | undefined;
  images?: Array<ImageInput> | null | undefined;
  kind?: ProductKind | null | undefined;
  name?: string | null | undefined;
  nutrition?: NutritionInput | null | undefined;
  price?: string | null | undefined;
  rating?: number | null | undefined;
  ratingCount?: number | null | undefined;
  sku?: string | null | undefined;
  stockQuantity?: number | null | undefined;
  sustainability?: SustainabilityInput | null | undefined;
  tags?: Array<string> | null | undefined;
};

export type UpdateStoreInput = {
  city?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  name?: string | null | undefined;
};

export type ApiKeyRowFragment = { id: string, name: string, prefix: string, roles: Array<string>, permissions: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type CurrentApiKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentApiKeyQuery = { currentApiKey: { id: string, name: string, prefix: string, roles: Array<string>, permissions: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, roles: Array<string>, permissions: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, prefix: string, roles: Array<string>, permissions: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, name: string, prefix: string, roles: Array<string>, permissions: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type CategoryNodeFragment = { id: string, slug: string, name: string };

export type CategoryTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoryTreeQuery = { categories: Array<{ id: string, slug: string, name: string, children: Array<{ id: string, slug: string, name: string, children: Array<{ id: string, slug: string, name: string }> }> }> };

export type CreateCategoryMutationVariables = Exact<{
  input: CreateCategoryInput;
}>;


export type CreateCategoryMutation = { createCategory: { id: string, slug: string, name: string } };

export type UpdateCategoryMutationVariables = Exact<{
  id: string;
  input: UpdateCategoryInput;
}>;


export type UpdateCategoryMutation = { updateCategory: { id: string, slug: string, name: string } };

export type DeleteCategoryMutationVariables = Exact<{
  id: string;
}>;


export type DeleteCategoryMutation = { deleteCategory: string };

export type RecommendationHealthQueryVariables = Exact<{ [key: string]: never; }>;


export type RecommendationHealthQuery = { recommendationHealth: { instance: string, ready: boolean, problems: Array<string>, modelBuiltAt: string | null, modelAgeSeconds: number | null, basketModelFittedAt: string | null, basketModelAgeSeconds: number | null, loadedFrom: string | null, interactionsLearned: number, lastInteractionAt: string | null, productsKnown: number, shoppersKnown: number, deadLetters: number, consumers: Array<{ stream: string, group: string | null, state: string, lag: number | null, pending: number | null, lastError: string | null }>, deadLettersByStream: Array<{ stream: string, count: number }> } };

export type ImportProductsMutationVariables = Exact<{
  format: ImportFormat;
  data: string;
}>;


export type ImportProductsMutation = { importProducts: { created: number, updated: number, unchanged: number, errors: Array<{ line: number, field: string, reason: string }> } };

export type ProductRowFragment = { id: string, sku: string, name: string, price: string, effectivePrice: string, currency: string, stockQuantity: number, availability: Availability, archived: boolean, category: { id: string, name: string } | null };

export type ProductDetailFragment = { description: string, brand: string | null, dietaryTags: Array<DietaryTag>, updatedAt: string, id: string, sku: string, name: string, price: string, effectivePrice: string, currency: string, stockQuantity: number, availability: Availability, archived: boolean, discount: { percent: string } | null, sustainability: { score: number | null, carbonFootprintKg: number | null, labels: Array<SustainabilityLabel> } | null, category: { id: string, name: string } | null };

export type SearchProductsQueryVariables = Exact<{
  text?: string | null | undefined;
  includeArchived?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchProductsQuery = { products: { totalCount: number, edges: Array<{ node: { id: string, sku: string, name: string, price: string, effectivePrice: string, currency: string, stockQuantity: number, availability: Availability, archived: boolean, category: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ProductForEditQueryVariables = Exact<{
  id: string;
}>;


export type ProductForEditQuery = { product: { description: string, brand: string | null, dietaryTags: Array<DietaryTag>, updatedAt: string, id: string, sku: string, name: string, price: string, effectivePrice: string, currency: string, stockQuantity: number, availability: Availability, archived: boolean, discount: { percent: string } | null, sustainability: { score: number | null, carbonFootprintKg: number | null, labels: Array<SustainabilityLabel> } | null, category: { id: string, name: string } | null } | null };

export type UpdateProductMutationVariables = Exact<{
  id: string;
  input: UpdateProductInput;
}>;


export type UpdateProductMutation = { updateProduct: { description: string, brand: string | null, dietaryTags: Array<DietaryTag>, updatedAt: string, id: string, sku: string, name: string, price: string, effectivePrice: string, currency: string, stockQuantity: number, availability: Availability, archived: boolean, discount: { percent: string } | null, sustainability: { score: number | null, carbonFootprintKg: number | null, labels: Array<SustainabilityLabel> } | null, category: { id: string, name: string } | null } };

export type ArchiveProductMutationVariables = Exact<{
  id: string;
}>;


export type ArchiveProductMutation = { archiveProduct: { description: string, brand: string | null, dietaryTags: Array<DietaryTag>, updatedAt: string, id: string, sku: string, name: string, price: string, effectivePrice: string, currency: string, stockQuantity: number, availability: Availability, archived: boolean, discount: { percent: string } | null, sustainability: { score: number | null, carbonFootprintKg: number | null, labels: Array<SustainabilityLabel> } | null, category: { id: string, name: string } | null } };

export type StoreRowFragment = { id: string, name: string, city: string, latitude: number, longitude: number };

export type AllStoresQueryVariables = Exact<{ [key: string]: never; }>;


export type AllStoresQuery = { allStores: Array<{ id: string, name: string, city: string, latitude: number, longitude: number }> };

export type CreateStoreMutationVariables = Exact<{
  input: CreateStoreInput;
}>;


export type CreateStoreMutation = { createStore: { id: string, name: string, city: string, latitude: number, longitude: number } };

export type UpdateStoreMutationVariables = Exact<{
  id: string;
  input: UpdateStoreInput;
}>;


export type UpdateStoreMutation = { updateStore: { id: string, name: string, city: string, latitude: number, longitude: number } };

export type DeleteStoreMutationVariables = Exact<{
  id: string;
}>;


export type DeleteStoreMutation = { deleteStore: string };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ApiKeyRowFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyRow on ApiKey {
  id
  name
  prefix
  roles
  permissions
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"ApiKeyRow"}) as unknown as TypedDocumentString<ApiKeyRowFragment, unknown>;
export const CategoryNodeFragmentDoc = new TypedDocumentString(`
    fragment CategoryNode on Category {
  id
  slug
  name
}
    `, {"fragmentName":"CategoryNode"}) as unknown as TypedDocumentString<CategoryNodeFragment, unknown>;
export const ProductRowFragmentDoc = new TypedDocumentString(`
    fragment ProductRow on Product {
  id
  sku
  name
  price
  effectivePrice
  currency
  stockQuantity
  availability
  archived
  category {
    id
    name
  }
}
    `, {"fragmentName":"ProductRow"}) as unknown as TypedDocumentString<ProductRowFragment, unknown>;
export const ProductDetailFragmentDoc = new TypedDocumentString(`
    fragment ProductDetail on Product {
  ...ProductRow
  description
  brand
  discount {
    percent
  }
  dietaryTags
  sustainability {
    score
    carbonFootprintKg
    labels
  }
  updatedAt
}
    fragment ProductRow on Product {
  id
  sku
  name
  price
  effectivePrice
  currency
  stockQuantity
  availability
  archived
  category {
    id
    name
  }
}`, {"fragmentName":"ProductDetail"}) as unknown as TypedDocumentString<ProductDetailFragment, unknown>;
export const StoreRowFragmentDoc = new TypedDocumentString(`
    fragment StoreRow on Store {
  id
  name
  city
  latitude
  longitude
}
    `, {"fragmentName":"StoreRow"}) as unknown as TypedDocumentString<StoreRowFragment, unknown>;
export const CurrentApiKeyDocument = new TypedDocumentString(`
    query CurrentApiKey {
  currentApiKey {
    ...ApiKeyRow
  }
}
    fragment ApiKeyRow on ApiKey {
  id
  name
  prefix
  roles
  permissions
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CurrentApiKeyQuery, CurrentApiKeyQueryVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
    ...ApiKeyRow
  }
}
    fragment ApiKeyRow on ApiKey {
  id
  name
  prefix
  roles
  permissions
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      ...ApiKeyRow
    }
  }
}
    fragment ApiKeyRow on ApiKey {
  id
  name
  prefix
  roles
  permissions
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    ...ApiKeyRow
  }
}
    fragment ApiKeyRow on ApiKey {
  id
  name
  prefix
  roles
  permissions
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const CategoryTreeDocument = new TypedDocumentString(`
    query CategoryTree {
  categories {
    ...CategoryNode
    children {
      ...CategoryNode
      children {
        ...CategoryNode
      }
    }
  }
}
    fragment CategoryNode on Category {
  id
  slug
  name
}`) as unknown as TypedDocumentString<CategoryTreeQuery, CategoryTreeQueryVariables>;
export const CreateCategoryDocument = new TypedDocumentString(`
    mutation CreateCategory($input: CreateCategoryInput!) {
  createCategory(input: $input) {
    ...CategoryNode
  }
}
    fragment CategoryNode on Category {
  id
  slug
  name
}`) as unknown as TypedDocumentString<CreateCategoryMutation, CreateCategoryMutationVariables>;
export const UpdateCategoryDocument = new TypedDocumentString(`
    mutation UpdateCategory($id: ID!, $input: UpdateCategoryInput!) {
  updateCategory(id: $id, input: $input) {
    ...CategoryNode
  }
}
    fragment CategoryNode on Category {
  id
  slug
  name
}`) as unknown as TypedDocumentString<UpdateCategoryMutation, UpdateCategoryMutationVariables>;
export const DeleteCategoryDocument = new TypedDocumentString(`
    mutation DeleteCategory($id: ID!) {
  deleteCategory(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteCategoryMutation, DeleteCategoryMutationVariables>;
export const RecommendationHealthDocument = new TypedDocumentString(`
    query RecommendationHealth {
  recommendationHealth {
    instance
    ready
    problems
    modelBuiltAt
    modelAgeSeconds
    basketModelFittedAt
    basketModelAgeSeconds
    loadedFrom
    interactionsLearned
    lastInteractionAt
    productsKnown
    shoppersKnown
    consumers {
      stream
      group
      state
      lag
      pending
      lastError
    }
    deadLetters
    deadLettersByStream {
      stream
      count
    }
  }
}
    `) as unknown as TypedDocumentString<RecommendationHealthQuery, RecommendationHealthQueryVariables>;
export const ImportProductsDocument = new TypedDocumentString(`
    mutation ImportProducts($format: ImportFormat!, $data: String!) {
  importProducts(format: $format, data: $data) {
    created
    updated
    unchanged
    errors {
      line
      field
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<ImportProductsMutation, ImportProductsMutationVariables>;
export const SearchProductsDocument = new TypedDocumentString(`
    query SearchProducts($text: String, $includeArchived: Boolean, $first: Int, $after: String) {
  products(
    filter: {text: $text, includeArchived: $includeArchived}
    sort: RELEVANCE
    first: $first
    after: $after
  ) {
    totalCount
    edges {
      node {
        ...ProductRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ProductRow on Product {
  id
  sku
  name
  price
  effectivePrice
  currency
  stockQuantity
  availability
  archived
  category {
    id
    name
  }
}`) as unknown as TypedDocumentString<SearchProductsQuery, SearchProductsQueryVariables>;
export const ProductForEditDocument = new TypedDocumentString(`
    query ProductForEdit($id: ID!) {
  product(id: $id) {
    ...ProductDetail
  }
}
    fragment ProductRow on Product {
  id
  sku
  name
  price
  effectivePrice
  currency
  stockQuantity
  availability
  archived
  category {
    id
    name
  }
}
fragment ProductDetail on Product {
  ...ProductRow
  description
  brand
  discount {
    percent
  }
  dietaryTags
  sustainability {
    score
    carbonFootprintKg
    labels
  }
  updatedAt
}`) as unknown as TypedDocumentString<ProductForEditQuery, ProductForEditQueryVariables>;
export const UpdateProductDocument = new TypedDocumentString(`
    mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {
  updateProduct(id: $id, input: $input) {
    ...ProductDetail
  }
}
    fragment ProductRow on Product {
  id
  sku
  name
  price
  effectivePrice
  currency
  stockQuantity
  availability
  archived
  category {
    id
    name
  }
}
fragment ProductDetail on Product {
  ...ProductRow
  description
  brand
  discount {
    percent
  }
  dietaryTags
  sustainability {
    score
    carbonFootprintKg
    labels
  }
  updatedAt
}`) as unknown as TypedDocumentString<UpdateProductMutation, UpdateProductMutationVariables>;
export const ArchiveProductDocument = new TypedDocumentString(`
    mutation ArchiveProduct($id: ID!) {
  archiveProduct(id: $id) {
    ...ProductDetail
  }
}
    fragment ProductRow on Product {
  id
  sku
  name
  price
  effectivePrice
  currency
  stockQuantity
  availability
  archived
  category {
    id
    name
  }
}
fragment ProductDetail on Product {
  ...ProductRow
  description
  brand
  discount {
    percent
  }
  dietaryTags
  sustainability {
    score
    carbonFootprintKg
    labels
  }
  updatedAt
}`) as unknown as TypedDocumentString<ArchiveProductMutation, ArchiveProductMutationVariables>;
export const AllStoresDocument = new TypedDocumentString(`
    query AllStores {
  allStores {
    ...StoreRow
  }
}
    fragment StoreRow on Store {
  id
  name
  city
  latitude
  longitude
}`) as unknown as TypedDocumentString<AllStoresQuery, AllStoresQueryVariables>;
export const CreateStoreDocument = new TypedDocumentString(`
    mutation CreateStore($input: CreateStoreInput!) {
  createStore(input: $input) {
    ...StoreRow
  }
}
    fragment StoreRow on Store {
  id
  name
  city
  latitude
  longitude
}`) as unknown as TypedDocumentString<CreateStoreMutation, CreateStoreMutationVariables>;
export const UpdateStoreDocument = new TypedDocumentString(`
    mutation UpdateStore($id: ID!, $input: UpdateStoreInput!) {
  updateStore(id: $id, input: $input) {
    ...StoreRow
  }
}
    fragment StoreRow on Store {
  id
  name
  city
  latitude
  longitude
}`) as unknown as TypedDocumentString<UpdateStoreMutation, UpdateStoreMutationVariables>;
export const DeleteStoreDocument = new TypedDocumentString(`
    mutation DeleteStore($id: ID!) {
  deleteStore(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteStoreMutation, DeleteStoreMutationVariables>;