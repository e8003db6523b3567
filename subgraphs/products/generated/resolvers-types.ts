import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Product as ProductModel, Category as CategoryModel, Store as StoreModel } from '../../../prisma/generated/client/client';
import type { StoreDistance as StoreDistanceModel, ProductPage as ProductPageModel, ProductEdge as ProductEdgeModel } from '../models';
import type { ProductsContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC. */
  DateTime: { input: Date | string; output: Date | string; }
  /**
   * An exact decimal number sent as a string ("3.49"), so that money never passes
   * through a binary float.
   */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Availability =
  /** No longer sold. */
  | 'ARCHIVED'
  | 'IN_STOCK'
  /** 5 units or fewer left. */
  | 'LOW_STOCK'
  | 'OUT_OF_STOCK';

/** A node of the category tree, such as Dairy > Milk. */
export type Category = {
  __typename?: 'Category';
  children: Array<Category>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Null for a root. */
  parent?: Maybe<Category>;
  /** The ancestors, root first (this category not included): for breadcrumbs. */
  path: Array<Category>;
  /** Products of this category and all its descendants (not archived). */
  products: ProductConnection;
  slug: Scalars['String']['output'];
};


/** A node of the category tree, such as Dairy > Milk. */
export type CategoryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};

export type CreateCategoryInput = {
  name: Scalars['String']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Lower-case letters, digits and `-`; derived from the name when omitted. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type CreateProductInput = {
  brand?: InputMaybe<Scalars['String']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** ISO-4217 code; EUR when omitted. */
  currency?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  dietaryTags?: InputMaybe<Array<DietaryTag>>;
  /** 0–100. */
  discountPercent?: InputMaybe<Scalars['Decimal']['input']>;
  /** EAN-13, EAN-8, UPC-A or GTIN-14 with a valid check digit; unique. */
  gtin?: InputMaybe<Scalars['String']['input']>;
  images?: InputMaybe<Array<ImageInput>>;
  /** MERCHANDISE when omitted. */
  kind?: InputMaybe<ProductKind>;
  /** 1–200 characters. */
  name: Scalars['String']['input'];
  nutrition?: InputMaybe<NutritionInput>;
  /** Regular price: ≥ 0, at most 2 decimals. */
  price: Scalars['Decimal']['input'];
  rating?: InputMaybe<Scalars['Float']['input']>;
  ratingCount?: InputMaybe<Scalars['Int']['input']>;
  /** 1–64 characters: letters, digits, `-`, `_`, `.`; starts with a letter or digit. */
  sku: Scalars['String']['input'];
  /** 0–1,000,000; 0 when omitted. */
  stockQuantity?: InputMaybe<Scalars['Int']['input']>;
  sustainability?: InputMaybe<SustainabilityInput>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
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

export type Discount = {
  __typename?: 'Discount';
  /** Money off the regular price. */
  amount: Scalars['Decimal']['output'];
  /** Percent off the regular price, 0–100. */
  percent: Scalars['Decimal']['output'];
};

export type Image = {
  __typename?: 'Image';
  alt: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

export type ImageInput = {
  alt?: InputMaybe<Scalars['String']['input']>;
  /** An absolute http(s) URL or a path starting with /. */
  url: Scalars['String']['input'];
};

export type ImportError = {
  __typename?: 'ImportError';
  field: Scalars['String']['output'];
  /** 1-based: the CSV line (the header is line 1) or the JSON array position. */
  line: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
};

export type ImportFormat =
  | 'CSV'
  | 'JSON'
  /** An Open Food Facts CSV export (code, product_name, … columns) plus a `price` column: see docs/catalog.md for the mapping. */
  | 'OPEN_FOOD_FACTS';

export type ImportResult = {
  __typename?: 'ImportResult';
  created: Scalars['Int']['output'];
  /** Every invalid row; when not empty, nothing was written. */
  errors: Array<ImportError>;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

export type LocationInput = {
  /** -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** -180 to 180. */
  longitude: Scalars['Float']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Takes a product off sale: it disappears from `products` unless `includeArchived`. Admin. */
  archiveProduct: Product;
  /** Admin. */
  createCategory: Category;
  /** Adds a product. Needs an API key with the `admin` role in the `x-api-key` header. */
  createProduct: Product;
  /** Admin. */
  createStore: Store;
  /** Deletes an empty leaf category; CONFLICT when it still has products or children. Returns its id. Admin. */
  deleteCategory: Scalars['ID']['output'];
  /** Deletes a store and its stock list. Returns its id. Admin. */
  deleteStore: Scalars['ID']['output'];
  /**
   * Creates or updates products by sku, all or nothing: when any row is invalid
   * nothing is written and `errors` lists every problem. Unchanged rows are not
   * touched. See docs/catalog.md for the CSV columns and the JSON shape. Admin.
   */
  importProducts: ImportResult;
  /** Sets the units in stock (0–1,000,000). Admin. */
  setStock: Product;
  /** Replaces the list of products a store stocks. Admin. */
  setStoreProducts: Store;
  /** Changes only the fields given. Admin. */
  updateCategory: Category;
  /** Changes only the fields given; `null` clears an optional field. Admin. */
  updateProduct: Product;
  /** Changes only the fields given. Admin. */
  updateStore: Store;
};


export type MutationArchiveProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateCategoryArgs = {
  input: CreateCategoryInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationCreateStoreArgs = {
  input: CreateStoreInput;
};


export type MutationDeleteCategoryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteStoreArgs = {
  id: Scalars['ID']['input'];
};


export type MutationImportProductsArgs = {
  data: Scalars['String']['input'];
  format: ImportFormat;
};


export type MutationSetStockArgs = {
  id: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};


export type MutationSetStoreProductsArgs = {
  productIds: Array<Scalars['ID']['input']>;
  storeId: Scalars['ID']['input'];
};


export type MutationUpdateCategoryArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCategoryInput;
};


export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};


export type MutationUpdateStoreArgs = {
  id: Scalars['ID']['input'];
  input: UpdateStoreInput;
};

export type NearInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  /** 0 < radiusKm ≤ 1000. */
  radiusKm?: InputMaybe<Scalars['Float']['input']>;
};

/** The Nutri-Score front-of-pack grade: A is the healthiest choice of its kind, E the least. */
export type NutriScore =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E';

/** Nutrition facts per 100 g or 100 ml. A null field is not known. */
export type Nutrition = {
  __typename?: 'Nutrition';
  carbohydrates?: Maybe<Scalars['Float']['output']>;
  energyKcal?: Maybe<Scalars['Float']['output']>;
  /** Anything else on the label (vitamins, minerals …). */
  extras?: Maybe<Array<NutritionExtra>>;
  fat?: Maybe<Scalars['Float']['output']>;
  fibre?: Maybe<Scalars['Float']['output']>;
  /** The Nutri-Score grade on the pack (A best … E); null when it has none. */
  nutriScore?: Maybe<NutriScore>;
  protein?: Maybe<Scalars['Float']['output']>;
  salt?: Maybe<Scalars['Float']['output']>;
  saturatedFat?: Maybe<Scalars['Float']['output']>;
  sugars?: Maybe<Scalars['Float']['output']>;
};

export type NutritionExtra = {
  __typename?: 'NutritionExtra';
  name: Scalars['String']['output'];
  /** Such as g, mg, µg, %. */
  unit: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

export type NutritionExtraInput = {
  name: Scalars['String']['input'];
  unit: Scalars['String']['input'];
  value: Scalars['Float']['input'];
};

export type NutritionInput = {
  carbohydrates?: InputMaybe<Scalars['Float']['input']>;
  energyKcal?: InputMaybe<Scalars['Float']['input']>;
  extras?: InputMaybe<Array<NutritionExtraInput>>;
  fat?: InputMaybe<Scalars['Float']['input']>;
  fibre?: InputMaybe<Scalars['Float']['input']>;
  nutriScore?: InputMaybe<NutriScore>;
  protein?: InputMaybe<Scalars['Float']['input']>;
  salt?: InputMaybe<Scalars['Float']['input']>;
  saturatedFat?: InputMaybe<Scalars['Float']['input']>;
  sugars?: InputMaybe<Scalars['Float']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A sellable item of the catalog. */
export type Product = {
  __typename?: 'Product';
  archived: Scalars['Boolean']['output'];
  availability: Availability;
  /** Stores within `radiusKm` (default 10 km, at most 1000) of `location` that stock this product, nearest first. */
  availableNear: Array<StoreDistance>;
  brand?: Maybe<Scalars['String']['output']>;
  category?: Maybe<Category>;
  /** The regular price to show struck through when discounted; null otherwise. */
  compareAtPrice?: Maybe<Scalars['Decimal']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** ISO-4217 currency code. */
  currency: Scalars['String']['output'];
  description: Scalars['String']['output'];
  dietaryTags: Array<DietaryTag>;
  /** The current discount; null when there is none. */
  discount?: Maybe<Discount>;
  /** What the shopper pays: `price` minus the discount, rounded half-up to cents. */
  effectivePrice: Scalars['Decimal']['output'];
  /**
   * The GS1 number under the product's barcode, as 13 digits (EAN-13; UPC-A and
   * EAN-8 numbers zero-padded to 13) or 14 for case codes (GTIN-14); null when
   * the product has none. `productByGtin` accepts every form.
   */
  gtin?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  images: Array<Image>;
  /** What the line is: goods, or a fee, service, deposit or gift card. Only MERCHANDISE is ever recommended. */
  kind: ProductKind;
  name: Scalars['String']['output'];
  /** Per 100 g (or 100 ml); null when unknown. */
  nutrition?: Maybe<Nutrition>;
  /** Regular shelf price, in `currency`. */
  price: Scalars['Decimal']['output'];
  /** Average shopper rating, 0–5; null before the first rating. */
  rating?: Maybe<Scalars['Float']['output']>;
  ratingCount: Scalars['Int']['output'];
  /** Stock-keeping unit: unique, letters, digits, `-`, `_` and `.`. */
  sku: Scalars['String']['output'];
  stockQuantity: Scalars['Int']['output'];
  /** Null when nothing is known about it. */
  sustainability?: Maybe<Sustainability>;
  tags: Array<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};


/** A sellable item of the catalog. */
export type ProductAvailableNearArgs = {
  location: LocationInput;
  radiusKm?: InputMaybe<Scalars['Float']['input']>;
};

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
  /** All products matching the filter, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Opaque; pass it as `after` to continue after this product. */
  cursor: Scalars['String']['output'];
  node: Product;
};

export type ProductFilter = {
  /** This category and all its descendants. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Products carrying ALL of these tags. */
  dietaryTags?: InputMaybe<Array<DietaryTag>>;
  /** true: only in stock; false: only out of stock. */
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
  /** On the effective price. */
  maxPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** On the effective price. */
  minPrice?: InputMaybe<Scalars['Decimal']['input']>;
  minSustainabilityScore?: InputMaybe<Scalars['Int']['input']>;
  /** Only products stocked by a store within the radius. */
  near?: InputMaybe<NearInput>;
  /** Full-text search over name, brand, tags and description (web-search syntax: "quoted phrase", or, -word). */
  text?: InputMaybe<Scalars['String']['input']>;
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

export type Query = {
  __typename?: 'Query';
  /** Every store by city and name, at most 1,000 (a back office's list; `stores` finds them by place). */
  allStores: Array<Store>;
  /** The category tree: its roots, each with its `children`. */
  categories: Array<Category>;
  /** One category by id; null when unknown. */
  category?: Maybe<Category>;
  /** One product by id; null when no product has that id. */
  product?: Maybe<Product>;
  /**
   * One product by the number under its barcode (GTIN: EAN-13, EAN-8, UPC-A or
   * GTIN-14, as a scanner reads it); null when no product has it. A malformed
   * number or a wrong check digit is a BAD_USER_INPUT error on `gtin`.
   */
  productByGtin?: Maybe<Product>;
  /** One product by its stock-keeping unit; null when no product has it. */
  productBySku?: Maybe<Product>;
  /**
   * Searches the catalog. Archived products are left out unless
   * `filter.includeArchived` is true. `first` is 1–100; pass the previous page's
   * `pageInfo.endCursor` as `after` (with the same filter and sort) for the next page.
   */
  products: ProductConnection;
  /**
   * Products by stock-keeping unit, at most 500 SKUs: one entry per SKU asked, in
   * that order, null where no product has it. Archived products are included
   * (an order history may name them).
   */
  productsBySku: Array<Maybe<Product>>;
  /** One store by id; null when unknown. */
  store?: Maybe<Store>;
  /** Stores within `radiusKm` (default 10 km, at most 1000) of a point, nearest first. */
  stores: Array<StoreDistance>;
};


export type QueryCategoryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductByGtinArgs = {
  gtin: Scalars['String']['input'];
};


export type QueryProductBySkuArgs = {
  sku: Scalars['String']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};


export type QueryProductsBySkuArgs = {
  skus: Array<Scalars['String']['input']>;
};


export type QueryStoreArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStoresArgs = {
  near: LocationInput;
  radiusKm?: InputMaybe<Scalars['Float']['input']>;
};

/** A physical shop. */
export type Store = {
  __typename?: 'Store';
  city: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  /** Products this store stocks (not archived). */
  products: ProductConnection;
};


/** A physical shop. */
export type StoreProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};

export type StoreDistance = {
  __typename?: 'StoreDistance';
  /** Great-circle distance from the point asked about, in km. */
  distanceKm: Scalars['Float']['output'];
  store: Store;
};

export type Sustainability = {
  __typename?: 'Sustainability';
  /** Estimated kg CO2e per item; null when unknown. */
  carbonFootprintKg?: Maybe<Scalars['Float']['output']>;
  labels: Array<SustainabilityLabel>;
  /** 0 (worst) to 100 (best); null when not rated. */
  score?: Maybe<Scalars['Int']['output']>;
};

export type SustainabilityInput = {
  carbonFootprintKg?: InputMaybe<Scalars['Float']['input']>;
  labels?: InputMaybe<Array<SustainabilityLabel>>;
  score?: InputMaybe<Scalars['Int']['input']>;
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
  name?: InputMaybe<Scalars['String']['input']>;
  /** null makes it a root. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Every field optional: only the fields given change; null clears an optional one. */
export type UpdateProductInput = {
  brand?: InputMaybe<Scalars['String']['input']>;
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  dietaryTags?: InputMaybe<Array<DietaryTag>>;
  discountPercent?: InputMaybe<Scalars['Decimal']['input']>;
  gtin?: InputMaybe<Scalars['String']['input']>;
  images?: InputMaybe<Array<ImageInput>>;
  kind?: InputMaybe<ProductKind>;
  name?: InputMaybe<Scalars['String']['input']>;
  nutrition?: InputMaybe<NutritionInput>;
  price?: InputMaybe<Scalars['Decimal']['input']>;
  rating?: InputMaybe<Scalars['Float']['input']>;
  ratingCount?: InputMaybe<Scalars['Int']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
  stockQuantity?: InputMaybe<Scalars['Int']['input']>;
  sustainability?: InputMaybe<SustainabilityInput>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateStoreInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Category: Category;
  Product: Product;
  Store: Store;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Category:
    ( { __typename: 'Category' }
    & GraphQLRecursivePick<FederationTypes['Category'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  Store:
    ( { __typename: 'Store' }
    & GraphQLRecursivePick<FederationTypes['Store'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Availability: Availability;
  Category: ResolverTypeWrapper<CategoryModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CreateCategoryInput: CreateCategoryInput;
  CreateProductInput: CreateProductInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CreateStoreInput: CreateStoreInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DietaryTag: DietaryTag;
  Discount: ResolverTypeWrapper<Discount>;
  Image: ResolverTypeWrapper<Image>;
  ImageInput: ImageInput;
  ImportError: ResolverTypeWrapper<ImportError>;
  ImportFormat: ImportFormat;
  ImportResult: ResolverTypeWrapper<ImportResult>;
  LocationInput: LocationInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NearInput: NearInput;
  NutriScore: NutriScore;
  Nutrition: ResolverTypeWrapper<Nutrition>;
  NutritionExtra: ResolverTypeWrapper<NutritionExtra>;
  NutritionExtraInput: NutritionExtraInput;
  NutritionInput: NutritionInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Product: ResolverTypeWrapper<ProductModel>;
  ProductConnection: ResolverTypeWrapper<ProductPageModel>;
  ProductEdge: ResolverTypeWrapper<ProductEdgeModel>;
  ProductFilter: ProductFilter;
  ProductKind: ProductKind;
  ProductSort: ProductSort;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Store: ResolverTypeWrapper<StoreModel>;
  StoreDistance: ResolverTypeWrapper<StoreDistanceModel>;
  Sustainability: ResolverTypeWrapper<Sustainability>;
  SustainabilityInput: SustainabilityInput;
  SustainabilityLabel: SustainabilityLabel;
  UpdateCategoryInput: UpdateCategoryInput;
  UpdateProductInput: UpdateProductInput;
  UpdateStoreInput: UpdateStoreInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Category: CategoryModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  CreateCategoryInput: CreateCategoryInput;
  CreateProductInput: CreateProductInput;
  Float: Scalars['Float']['output'];
  CreateStoreInput: CreateStoreInput;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Discount: Discount;
  Image: Image;
  ImageInput: ImageInput;
  ImportError: ImportError;
  ImportResult: ImportResult;
  LocationInput: LocationInput;
  Mutation: Record<PropertyKey, never>;
  NearInput: NearInput;
  Nutrition: Nutrition;
  NutritionExtra: NutritionExtra;
  NutritionExtraInput: NutritionExtraInput;
  NutritionInput: NutritionInput;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Product: ProductModel;
  ProductConnection: ProductPageModel;
  ProductEdge: ProductEdgeModel;
  ProductFilter: ProductFilter;
  Query: Record<PropertyKey, never>;
  Store: StoreModel;
  StoreDistance: StoreDistanceModel;
  Sustainability: Sustainability;
  SustainabilityInput: SustainabilityInput;
  UpdateCategoryInput: UpdateCategoryInput;
  UpdateProductInput: UpdateProductInput;
  UpdateStoreInput: UpdateStoreInput;
}>;

export type CategoryResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category'], FederationReferenceType extends FederationReferenceTypes['Category'] = FederationReferenceTypes['Category']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Category']> | FederationReferenceType, FederationReferenceType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<CategoryProductsArgs, 'first' | 'sort'>>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DiscountResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Discount'] = ResolversParentTypes['Discount']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type ImageResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Image'] = ResolversParentTypes['Image']> = ResolversObject<{
  alt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ImportErrorResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ImportError'] = ResolversParentTypes['ImportError']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ImportResultResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ImportResult'] = ResolversParentTypes['ImportResult']> = ResolversObject<{
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['ImportError']>, ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  archiveProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationArchiveProductArgs, 'id'>>;
  createCategory?: Resolver<ResolversTypes['Category'], ParentType, ContextType, RequireFields<MutationCreateCategoryArgs, 'input'>>;
  createProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationCreateProductArgs, 'input'>>;
  createStore?: Resolver<ResolversTypes['Store'], ParentType, ContextType, RequireFields<MutationCreateStoreArgs, 'input'>>;
  deleteCategory?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteCategoryArgs, 'id'>>;
  deleteStore?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteStoreArgs, 'id'>>;
  importProducts?: Resolver<ResolversTypes['ImportResult'], ParentType, ContextType, RequireFields<MutationImportProductsArgs, 'data' | 'format'>>;
  setStock?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationSetStockArgs, 'id' | 'quantity'>>;
  setStoreProducts?: Resolver<ResolversTypes['Store'], ParentType, ContextType, RequireFields<MutationSetStoreProductsArgs, 'productIds' | 'storeId'>>;
  updateCategory?: Resolver<ResolversTypes['Category'], ParentType, ContextType, RequireFields<MutationUpdateCategoryArgs, 'id' | 'input'>>;
  updateProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationUpdateProductArgs, 'id' | 'input'>>;
  updateStore?: Resolver<ResolversTypes['Store'], ParentType, ContextType, RequireFields<MutationUpdateStoreArgs, 'id' | 'input'>>;
}>;

export type NutritionResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Nutrition'] = ResolversParentTypes['Nutrition']> = ResolversObject<{
  carbohydrates?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  energyKcal?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  extras?: Resolver<Maybe<Array<ResolversTypes['NutritionExtra']>>, ParentType, ContextType>;
  fat?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  fibre?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  nutriScore?: Resolver<Maybe<ResolversTypes['NutriScore']>, ParentType, ContextType>;
  protein?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  salt?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  saturatedFat?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sugars?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type NutritionExtraResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['NutritionExtra'] = ResolversParentTypes['NutritionExtra']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  archived?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  availability?: Resolver<ResolversTypes['Availability'], ParentType, ContextType>;
  availableNear?: Resolver<Array<ResolversTypes['StoreDistance']>, ParentType, ContextType, RequireFields<ProductAvailableNearArgs, 'location' | 'radiusKm'>>;
  brand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  compareAtPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dietaryTags?: Resolver<Array<ResolversTypes['DietaryTag']>, ParentType, ContextType>;
  discount?: Resolver<Maybe<ResolversTypes['Discount']>, ParentType, ContextType>;
  effectivePrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  gtin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['Image']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ProductKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nutrition?: Resolver<Maybe<ResolversTypes['Nutrition']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ratingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stockQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sustainability?: Resolver<Maybe<ResolversTypes['Sustainability']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ProductConnectionResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductEdgeResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  allStores?: Resolver<Array<ResolversTypes['Store']>, ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType, RequireFields<QueryCategoryArgs, 'id'>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'id'>>;
  productByGtin?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductByGtinArgs, 'gtin'>>;
  productBySku?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductBySkuArgs, 'sku'>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'first' | 'sort'>>;
  productsBySku?: Resolver<Array<Maybe<ResolversTypes['Product']>>, ParentType, ContextType, RequireFields<QueryProductsBySkuArgs, 'skus'>>;
  store?: Resolver<Maybe<ResolversTypes['Store']>, ParentType, ContextType, RequireFields<QueryStoreArgs, 'id'>>;
  stores?: Resolver<Array<ResolversTypes['StoreDistance']>, ParentType, ContextType, RequireFields<QueryStoresArgs, 'near' | 'radiusKm'>>;
}>;

export type StoreResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Store'] = ResolversParentTypes['Store'], FederationReferenceType extends FederationReferenceTypes['Store'] = FederationReferenceTypes['Store']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Store']> | FederationReferenceType, FederationReferenceType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<StoreProductsArgs, 'first' | 'sort'>>;
}>;

export type StoreDistanceResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['StoreDistance'] = ResolversParentTypes['StoreDistance']> = ResolversObject<{
  distanceKm?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  store?: Resolver<ResolversTypes['Store'], ParentType, ContextType>;
}>;

export type SustainabilityResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Sustainability'] = ResolversParentTypes['Sustainability']> = ResolversObject<{
  carbonFootprintKg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['SustainabilityLabel']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ProductsContext> = ResolversObject<{
  Category?: CategoryResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Discount?: DiscountResolvers<ContextType>;
  Image?: ImageResolvers<ContextType>;
  ImportError?: ImportErrorResolvers<ContextType>;
  ImportResult?: ImportResultResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Nutrition?: NutritionResolvers<ContextType>;
  NutritionExtra?: NutritionExtraResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Store?: StoreResolvers<ContextType>;
  StoreDistance?: StoreDistanceResolvers<ContextType>;
  Sustainability?: SustainabilityResolvers<ContextType>;
}>;

