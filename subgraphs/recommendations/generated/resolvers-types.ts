import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProductReference as ProductReferenceModel } from '../data/productReference';
import type { ShopperRepresentation as ShopperRepresentationModel, CartRepresentation as CartRepresentationModel, ListModel as ListModelModel } from '../representations';
import type { Recommendation as RecommendationModel } from '../engine/recommendationEngine';
import type { Intent as IntentModel } from '../intent/intent';
import type { RecommendationsContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An exact decimal number sent as a string ("3.49"). */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Cart = {
  __typename?: 'Cart';
  budget: CartBudget;
  id: Scalars['ID']['output'];
  items: Array<CartItem>;
  shopper: Shopper;
  /**
   * Completes the cart: never an item already in it or out of stock, within the
   * remaining budget, obeying dietary restrictions strictly, preferring (or, for
   * ONLY, requiring) sustainable items, and items stocked near the shopper.
   * Null when the recommendations service is unavailable (the cart still answers).
   */
  suggestions?: Maybe<RecommendationList>;
};


export type CartSuggestionsArgs = {
  filter?: InputMaybe<RecommendationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  strict?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CartBudget = {
  __typename?: 'CartBudget';
  remaining?: Maybe<Scalars['Decimal']['output']>;
};

export type CartItem = {
  __typename?: 'CartItem';
  product: Product;
};

export type DietaryTag =
  | 'GLUTEN_FREE'
  | 'HALAL'
  | 'KOSHER'
  | 'LACTOSE_FREE'
  | 'NUT_FREE'
  | 'VEGAN'
  | 'VEGETARIAN';

export type Intent = {
  __typename?: 'Intent';
  categoryIds: Array<Scalars['ID']['output']>;
  /** 0–1: how much of the text was understood. */
  confidence: Scalars['Float']['output'];
  dietaryTags: Array<DietaryTag>;
  /** Product words the shopper does not want ("no nuts"): products naming them are left out. */
  excluded: Array<Scalars['String']['output']>;
  healthy: Scalars['Boolean']['output'];
  /** The products asked for, one per item of "milk, eggs and bread"; empty when the text names none. */
  items: Array<IntentItem>;
  keywords: Array<Scalars['String']['output']>;
  maxPrice?: Maybe<Scalars['Decimal']['output']>;
  minPrice?: Maybe<Scalars['Decimal']['output']>;
  nearMe: Scalars['Boolean']['output'];
  /** ORGANIC label: PREFER when said, ONLY when required ("only organic"). */
  organic?: Maybe<SustainabilityPreference>;
  priceSensitivity?: Maybe<PriceSensitivity>;
  sustainability?: Maybe<SustainabilityPreference>;
  text: Scalars['String']['output'];
};

/** One product asked for in a free-text request. */
export type IntentItem = {
  __typename?: 'IntentItem';
  /** Its categories, the product type's first. */
  categoryIds: Array<Scalars['ID']['output']>;
  dietaryTags: Array<DietaryTag>;
  keywords: Array<Scalars['String']['output']>;
  organic?: Maybe<SustainabilityPreference>;
  priceSensitivity?: Maybe<PriceSensitivity>;
  /** The product-type words ("pizza" in "frozen pizza"): items naming them rank first. */
  productTerms: Array<Scalars['String']['output']>;
  quantity?: Maybe<Quantity>;
  sustainability?: Maybe<SustainabilityPreference>;
  /** The words that name it. */
  text: Scalars['String']['output'];
};

/** The list for one item of a request with several. */
export type IntentItemRecommendations = {
  __typename?: 'IntentItemRecommendations';
  item: IntentItem;
  items: Array<RecommendedItem>;
  servedBy: Array<ServedBy>;
};

export type Preferences = {
  __typename?: 'Preferences';
  dietaryRestrictions: Array<DietaryTag>;
  location?: Maybe<ShopperLocation>;
  sustainabilityPreference: SustainabilityPreference;
};

export type PriceSensitivity =
  | 'BUDGET'
  | 'PREMIUM';

export type Product = {
  __typename?: 'Product';
  currency: Scalars['String']['output'];
  effectivePrice: Scalars['Decimal']['output'];
  /** Complements bought in the same baskets, staples discounted. Null only when the recommendations service is unavailable. */
  frequentlyBoughtTogether?: Maybe<RecommendationList>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  price: Scalars['Decimal']['output'];
  /** Products like this one, most similar first (the plain list; `similarItems` explains each). Null only when the recommendations service is unavailable (see the error). */
  similar?: Maybe<Array<Product>>;
  /** Products like this one, with reason and confidence. Null only when the recommendations service is unavailable. */
  similarItems?: Maybe<RecommendationList>;
};


export type ProductFrequentlyBoughtTogetherArgs = {
  filter?: InputMaybe<RecommendationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  strict?: InputMaybe<Scalars['Boolean']['input']>;
};


export type ProductSimilarArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type ProductSimilarItemsArgs = {
  filter?: InputMaybe<RecommendationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  strict?: InputMaybe<Scalars['Boolean']['input']>;
};

/** "2 l", "500 g", "6 pack", "a dozen". */
export type Quantity = {
  __typename?: 'Quantity';
  amount: Scalars['Float']['output'];
  /** l, ml, cl, kg, g, oz, lb or pack; null for a plain count. */
  unit?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** What a free-text request is understood as; the same parser `recommend(context: { text })` uses. */
  detectIntent: Intent;
  /** Most engaged-with items, recent activity weighing more. */
  popular: RecommendationList;
  /**
   * Recommendations for a page without a shopper: from products (what goes with
   * them), a category, free text ("cheap vegan snacks under $5"), or any mix.
   */
  recommend: RecommendationList;
  /** What shoppers engage with more and more right now (rising over the last hours). */
  trending: RecommendationList;
};


export type QueryDetectIntentArgs = {
  text: Scalars['String']['input'];
};


export type QueryPopularArgs = {
  category?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<RecommendationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  strict?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryRecommendArgs = {
  context: RecommendationContext;
  filter?: InputMaybe<RecommendationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  strict?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryTrendingArgs = {
  category?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<RecommendationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  strict?: InputMaybe<Scalars['Boolean']['input']>;
};

export type RecommendationContext = {
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Products the page shows (at most 50): recommends what goes with them. */
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Free text, at most 500 characters. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** Filters every recommendation field accepts. */
export type RecommendationFilter = {
  /** A category id; items in it or below it. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** All must be present on the item. */
  dietaryTags?: InputMaybe<Array<DietaryTag>>;
  /** At most 100 ids. */
  excludeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Defaults to true. */
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  maxPrice?: InputMaybe<Scalars['Decimal']['input']>;
  minPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** 0–100. */
  minSustainabilityScore?: InputMaybe<Scalars['Int']['input']>;
};

export type RecommendationList = {
  __typename?: 'RecommendationList';
  /** Present when the request had free text: how it was understood. */
  intent?: Maybe<Intent>;
  items: Array<RecommendedItem>;
  /** One list per item when the free text asks for several ("milk, eggs and bread"), in the order asked; `items` then interleaves them. */
  perItem?: Maybe<Array<IntentItemRecommendations>>;
  /** The strategies that produced the items, primary first; fallbacks follow when filters left too few. */
  servedBy: Array<ServedBy>;
};

export type RecommendationStrategy =
  /** Personalised when the shopper has history, then trending, then popular. */
  | 'AUTO'
  | 'BUY_IT_AGAIN'
  | 'PERSONALIZED'
  | 'POPULAR'
  | 'RECENTLY_VIEWED'
  | 'TRENDING';

export type RecommendationType =
  | 'BOUGHT_TOGETHER'
  | 'BUDGET'
  | 'BUY_IT_AGAIN'
  | 'HEALTH'
  | 'PERSONALIZED'
  | 'POPULAR'
  | 'RECENTLY_VIEWED'
  | 'SIMILAR'
  | 'SUSTAINABILITY'
  | 'TRENDING';

export type RecommendedItem = {
  __typename?: 'RecommendedItem';
  /** 0–1: how sure the engine is that this item fits. */
  confidence: Scalars['Float']['output'];
  product: Product;
  /** Why, in words a shopper understands. */
  reason: Scalars['String']['output'];
  /** Send it with trackEvent (click, add to cart, purchase) to attribute the outcome. */
  recommendationId: Scalars['ID']['output'];
  /** Relative to the other items of the list. */
  score: Scalars['Float']['output'];
  type: RecommendationType;
};

/** Which model actually produced the items (fallbacks included). */
export type ServedBy =
  | 'BUY_IT_AGAIN'
  | 'CART_COMPLETION'
  | 'FREQUENTLY_BOUGHT_TOGETHER'
  | 'INTENT'
  | 'PERSONALIZED'
  | 'POPULAR'
  | 'POPULAR_IN_CATEGORY'
  | 'RECENTLY_VIEWED'
  | 'SIMILAR'
  | 'TRENDING';

export type Shopper = {
  __typename?: 'Shopper';
  id: Scalars['ID']['output'];
  /** Free-text requests this shopper made (recommend with a session), newest first, as understood. Needs the shopper's own session. Null when the recommendations service is unavailable. */
  intents?: Maybe<Array<Intent>>;
  preferences?: Maybe<Preferences>;
  /**
   * Recommendations for this shopper, within its dietary restrictions and
   * sustainability preference. Needs the shopper's own session. Null when the
   * recommendations service is unavailable (the shopper's own fields still answer).
   */
  recommendations?: Maybe<RecommendationList>;
};


export type ShopperIntentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type ShopperRecommendationsArgs = {
  filter?: InputMaybe<RecommendationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  strategy?: InputMaybe<RecommendationStrategy>;
  strict?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ShopperLocation = {
  __typename?: 'ShopperLocation';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

export type SustainabilityPreference =
  | 'NONE'
  | 'ONLY'
  | 'PREFER';

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
  Cart: Cart;
  Product: Product;
  Shopper: Shopper;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Cart'], {"items":{"product":{"id":true}},"budget":{"remaining":true},"shopper":{"preferences":{"sustainabilityPreference":true,"dietaryRestrictions":true,"location":{"latitude":true,"longitude":true}}}}> ) );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  Shopper:
    ( { __typename: 'Shopper' }
    & GraphQLRecursivePick<FederationTypes['Shopper'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Shopper'], {"preferences":{"sustainabilityPreference":true}}>
        | GraphQLRecursivePick<FederationTypes['Shopper'], {"preferences":{"sustainabilityPreference":true,"dietaryRestrictions":true,"location":{"latitude":true,"longitude":true}}}>
        | GraphQLRecursivePick<FederationTypes['Shopper'], {"preferences":{"sustainabilityPreference":true,"dietaryRestrictions":true,"location":{"latitude":true,"longitude":true}}}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Cart: ResolverTypeWrapper<CartRepresentationModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CartBudget: ResolverTypeWrapper<CartBudget>;
  CartItem: ResolverTypeWrapper<Omit<CartItem, 'product'> & { product: ResolversTypes['Product'] }>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DietaryTag: DietaryTag;
  Intent: ResolverTypeWrapper<IntentModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  IntentItem: ResolverTypeWrapper<IntentItem>;
  IntentItemRecommendations: ResolverTypeWrapper<Omit<IntentItemRecommendations, 'items'> & { items: Array<ResolversTypes['RecommendedItem']> }>;
  Preferences: ResolverTypeWrapper<Preferences>;
  PriceSensitivity: PriceSensitivity;
  Product: ResolverTypeWrapper<ProductReferenceModel>;
  Quantity: ResolverTypeWrapper<Quantity>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecommendationContext: RecommendationContext;
  RecommendationFilter: RecommendationFilter;
  RecommendationList: ResolverTypeWrapper<ListModelModel>;
  RecommendationStrategy: RecommendationStrategy;
  RecommendationType: RecommendationType;
  RecommendedItem: ResolverTypeWrapper<RecommendationModel>;
  ServedBy: ServedBy;
  Shopper: ResolverTypeWrapper<ShopperRepresentationModel>;
  ShopperLocation: ResolverTypeWrapper<ShopperLocation>;
  SustainabilityPreference: SustainabilityPreference;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Cart: CartRepresentationModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  CartBudget: CartBudget;
  CartItem: Omit<CartItem, 'product'> & { product: ResolversParentTypes['Product'] };
  Decimal: Scalars['Decimal']['output'];
  Intent: IntentModel;
  Float: Scalars['Float']['output'];
  String: Scalars['String']['output'];
  IntentItem: IntentItem;
  IntentItemRecommendations: Omit<IntentItemRecommendations, 'items'> & { items: Array<ResolversParentTypes['RecommendedItem']> };
  Preferences: Preferences;
  Product: ProductReferenceModel;
  Quantity: Quantity;
  Query: Record<PropertyKey, never>;
  RecommendationContext: RecommendationContext;
  RecommendationFilter: RecommendationFilter;
  RecommendationList: ListModelModel;
  RecommendedItem: RecommendationModel;
  Shopper: ShopperRepresentationModel;
  ShopperLocation: ShopperLocation;
}>;

export type CartResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  suggestions?: Resolver<Maybe<ResolversTypes['RecommendationList']>, ParentType, ContextType, RequireFields<CartSuggestionsArgs, 'first' | 'strict'>>;
}>;

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type IntentResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Intent'] = ResolversParentTypes['Intent']> = ResolversObject<{
  categoryIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  dietaryTags?: Resolver<Array<ResolversTypes['DietaryTag']>, ParentType, ContextType>;
  excluded?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  healthy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['IntentItem']>, ParentType, ContextType>;
  keywords?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  maxPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  minPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  nearMe?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  organic?: Resolver<Maybe<ResolversTypes['SustainabilityPreference']>, ParentType, ContextType>;
  priceSensitivity?: Resolver<Maybe<ResolversTypes['PriceSensitivity']>, ParentType, ContextType>;
  sustainability?: Resolver<Maybe<ResolversTypes['SustainabilityPreference']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IntentItemResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['IntentItem'] = ResolversParentTypes['IntentItem']> = ResolversObject<{
  categoryIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  dietaryTags?: Resolver<Array<ResolversTypes['DietaryTag']>, ParentType, ContextType>;
  keywords?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  organic?: Resolver<Maybe<ResolversTypes['SustainabilityPreference']>, ParentType, ContextType>;
  priceSensitivity?: Resolver<Maybe<ResolversTypes['PriceSensitivity']>, ParentType, ContextType>;
  productTerms?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  quantity?: Resolver<Maybe<ResolversTypes['Quantity']>, ParentType, ContextType>;
  sustainability?: Resolver<Maybe<ResolversTypes['SustainabilityPreference']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IntentItemRecommendationsResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['IntentItemRecommendations'] = ResolversParentTypes['IntentItemRecommendations']> = ResolversObject<{
  item?: Resolver<ResolversTypes['IntentItem'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['RecommendedItem']>, ParentType, ContextType>;
  servedBy?: Resolver<Array<ResolversTypes['ServedBy']>, ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  effectivePrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  frequentlyBoughtTogether?: Resolver<Maybe<ResolversTypes['RecommendationList']>, ParentType, ContextType, RequireFields<ProductFrequentlyBoughtTogetherArgs, 'first' | 'strict'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  similar?: Resolver<Maybe<Array<ResolversTypes['Product']>>, ParentType, ContextType, RequireFields<ProductSimilarArgs, 'first'>>;
  similarItems?: Resolver<Maybe<ResolversTypes['RecommendationList']>, ParentType, ContextType, RequireFields<ProductSimilarItemsArgs, 'first' | 'strict'>>;
}>;

export type QuantityResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Quantity'] = ResolversParentTypes['Quantity']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  detectIntent?: Resolver<ResolversTypes['Intent'], ParentType, ContextType, RequireFields<QueryDetectIntentArgs, 'text'>>;
  popular?: Resolver<ResolversTypes['RecommendationList'], ParentType, ContextType, RequireFields<QueryPopularArgs, 'first' | 'strict'>>;
  recommend?: Resolver<ResolversTypes['RecommendationList'], ParentType, ContextType, RequireFields<QueryRecommendArgs, 'context' | 'first' | 'strict'>>;
  trending?: Resolver<ResolversTypes['RecommendationList'], ParentType, ContextType, RequireFields<QueryTrendingArgs, 'first' | 'strict'>>;
}>;

export type RecommendationListResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['RecommendationList'] = ResolversParentTypes['RecommendationList']> = ResolversObject<{
  intent?: Resolver<Maybe<ResolversTypes['Intent']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['RecommendedItem']>, ParentType, ContextType>;
  perItem?: Resolver<Maybe<Array<ResolversTypes['IntentItemRecommendations']>>, ParentType, ContextType>;
  servedBy?: Resolver<Array<ResolversTypes['ServedBy']>, ParentType, ContextType>;
}>;

export type RecommendedItemResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['RecommendedItem'] = ResolversParentTypes['RecommendedItem']> = ResolversObject<{
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recommendationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RecommendationType'], ParentType, ContextType>;
}>;

export type ShopperResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Shopper'] = ResolversParentTypes['Shopper'], FederationReferenceType extends FederationReferenceTypes['Shopper'] = FederationReferenceTypes['Shopper']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Shopper']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intents?: Resolver<Maybe<Array<ResolversTypes['Intent']>>, ParentType, ContextType, RequireFields<ShopperIntentsArgs, 'first'>>;
  recommendations?: Resolver<Maybe<ResolversTypes['RecommendationList']>, ParentType, ContextType, RequireFields<ShopperRecommendationsArgs, 'first' | 'strategy' | 'strict'>>;
}>;

export type Resolvers<ContextType = RecommendationsContext> = ResolversObject<{
  Cart?: CartResolvers<ContextType>;
  Decimal?: GraphQLScalarType;
  Intent?: IntentResolvers<ContextType>;
  IntentItem?: IntentItemResolvers<ContextType>;
  IntentItemRecommendations?: IntentItemRecommendationsResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Quantity?: QuantityResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecommendationList?: RecommendationListResolvers<ContextType>;
  RecommendedItem?: RecommendedItemResolvers<ContextType>;
  Shopper?: ShopperResolvers<ContextType>;
}>;

