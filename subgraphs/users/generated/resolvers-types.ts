import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Shopper as ShopperModel, InteractionEvent as InteractionEventModel } from '../../../prisma/generated/client/client';
import type { ApiKeyListing as ApiKeyListingModel } from '../../../platform/auth/apiKeys';
import type { CartView as CartViewModel, CartItemView as CartItemViewModel } from '../domain/cartView';
import type { OrderView as OrderViewModel, OrderItemView as OrderItemViewModel } from '../domain/orderView';
import type { UsersContext } from '../context';
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
  /** An ISO-8601 date-time in UTC. */
  DateTime: { input: Date | string; output: Date | string; }
  /**
   * An exact decimal number sent as a string ("3.49"), so that money never passes
   * through a binary float.
   */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A credential for a back-office tool or integration, sent as the `x-api-key` header. */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Null until first used; written in batches (API_KEY_USAGE_FLUSH_SECONDS), so up to a minute behind. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** What the roles allow, such as `catalog:write` (platform/auth/roles.ts). */
  permissions: Array<Scalars['String']['output']>;
  /** The key's first characters (`sck_…`), to recognise it; the rest exists only where it was handed out. */
  prefix: Scalars['String']['output'];
  /** Null while the key works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** admin, catalog-editor, service or read-only (docs/security.md). */
  roles: Array<Scalars['String']['output']>;
};

export type BudgetAlert = {
  __typename?: 'BudgetAlert';
  budgetLimit: Scalars['Decimal']['output'];
  cartId: Scalars['ID']['output'];
  status: BudgetStatus;
  total: Scalars['Decimal']['output'];
};

export type BudgetStatus =
  /** At 90 % of the limit or more. */
  | 'NEAR'
  | 'NO_BUDGET'
  | 'OVER'
  | 'UNDER';

/**
 * The shopper's open cart. Prices are the catalog's, kept current while the
 * product stays in the cart. An entity, so that other subgraphs can extend it
 * (cart suggestions); only the owner's session can read it.
 */
export type Cart = {
  __typename?: 'Cart';
  budget: CartBudget;
  currency: Scalars['String']['output'];
  /** Money off thanks to discounts: `subtotal - total`. */
  discount: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  /** Units in the cart (the sum of the quantities). */
  itemCount: Scalars['Int']['output'];
  items: Array<CartItem>;
  /** The cart's owner. */
  shopper: Shopper;
  /** At regular prices. */
  subtotal: Scalars['Decimal']['output'];
  /** Quantity-weighted average of the items' sustainability scores (0–100); null when no item is rated. */
  sustainabilityScore?: Maybe<Scalars['Float']['output']>;
  /** What the shopper would pay. */
  total: Scalars['Decimal']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Goes up by one on every change; send it back as `expectedVersion` to refuse stale edits. */
  version: Scalars['Int']['output'];
};

export type CartBudget = {
  __typename?: 'CartBudget';
  /** The shopper's budget limit; null without one. */
  limit?: Maybe<Scalars['Decimal']['output']>;
  /** `limit - total`: negative when over budget; null without a budget. */
  remaining?: Maybe<Scalars['Decimal']['output']>;
  status: BudgetStatus;
};

export type CartItem = {
  __typename?: 'CartItem';
  addedAt: Scalars['DateTime']['output'];
  /** `unitPrice × quantity`. */
  lineTotal: Scalars['Decimal']['output'];
  /** The regular price of one unit. */
  listPrice: Scalars['Decimal']['output'];
  product: Product;
  quantity: Scalars['Int']['output'];
  /** What one unit costs now (after any discount). */
  unitPrice: Scalars['Decimal']['output'];
};

/** One line of addItemsToCart. */
export type CartLineInput = {
  productId: Scalars['ID']['input'];
  /** 1–999. */
  quantity?: Scalars['Int']['input'];
  /** The recommendation the product was added from (1–64 characters), as in addToCart. */
  recommendationId?: InputMaybe<Scalars['String']['input']>;
};

export type CartSuggestionsPayload = {
  __typename?: 'CartSuggestionsPayload';
  cart: Cart;
};

export type CreateApiKeyInput = {
  /** 1–120 characters, such as "Warehouse sync". */
  name: Scalars['String']['input'];
  /** At least one of admin, catalog-editor, service, read-only. */
  roles: Array<Scalars['String']['input']>;
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** The secret to send as `x-api-key`. It is in this answer only: only its hash is stored. */
  secret: Scalars['String']['output'];
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

export type InteractionEvent = {
  __typename?: 'InteractionEvent';
  /** The order a PURCHASE belongs to. */
  basketId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** Null for SEARCH. */
  product?: Maybe<Product>;
  /** The search text of a SEARCH. */
  query?: Maybe<Scalars['String']['output']>;
  /** The recommendation this interaction is attributed to. */
  recommendationId?: Maybe<Scalars['String']['output']>;
  type: InteractionType;
};

export type InteractionEventConnection = {
  __typename?: 'InteractionEventConnection';
  edges: Array<InteractionEventEdge>;
  pageInfo: PageInfo;
};

export type InteractionEventEdge = {
  __typename?: 'InteractionEventEdge';
  cursor: Scalars['String']['output'];
  node: InteractionEvent;
};

export type InteractionType =
  | 'ADD_TO_CART'
  | 'CLICK'
  | 'PURCHASE'
  | 'REMOVE_FROM_CART'
  | 'SEARCH'
  | 'VIEW';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds several products at once, all or nothing: every line is checked like
   * addToCart (exists, on sale, in stock, one currency, at most 999 of a
   * product) before any is added, and a refused line (BAD_USER_INPUT or
   * PRODUCT_UNAVAILABLE naming `items.<n>.productId`) adds nothing. At most 100
   * lines; a product named twice gets both quantities. One new cart version and
   * one ADD_TO_CART event per line. What fillCartFromList writes with.
   */
  addItemsToCart: Cart;
  /**
   * Adds `quantity` (1–999) of a product to the cart, on top of what is already
   * there. The product must exist, be on sale and have enough stock.
   * With `idempotencyKey`, a retry replays the first answer; with
   * `expectedVersion`, the change is refused (CONFLICT) when the cart has moved on.
   * `recommendationId` (1–64 characters): the `id` of the recommendation the
   * product was added from; the ADD_TO_CART event carries it, and so does the
   * line's PURCHASE at checkout (attribution of experiments, docs/experiments.md).
   */
  addToCart: Cart;
  /**
   * Places an order for everything in the cart at the catalog's current prices,
   * after checking stock again, and empties the cart.
   */
  checkout: Order;
  /** Empties the cart. */
  clearCart: Cart;
  /** Creates an API key and returns its secret, once. Needs an API key with the admin role. */
  createApiKey: CreatedApiKey;
  /**
   * Ends the session whose token is sent in `x-session-token` (sign-out): the
   * token is refused from then on (UNAUTHENTICATED, reason SESSION_ENDED). True
   * when it was live, false when it had already stopped working.
   */
  endSession: Scalars['Boolean']['output'];
  /**
   * Imports another shop system's order history (order lines: orderId,
   * customerId, sku, quantity, orderedAt, optional unitPrice; see
   * docs/shoppers.md), all or nothing: when any line is invalid nothing is
   * written and `errors` lists every problem (line, field, reason). Each customer
   * becomes a shopper with the customer id as its external id, each order keeps
   * its id and time, and each line is a PURCHASE interaction dated when the order
   * was placed. An order already imported (same order id) is left as it is, so
   * a retry creates nothing. SKUs are resolved by the products subgraph; an
   * unknown SKU is an error of its line. `data` is bounded by the request body
   * limit (HTTP_MAX_BODY_BYTES); larger histories go through `npm run import`.
   * Needs an API key with the admin or service role.
   */
  importOrderHistory: OrderHistoryImportResult;
  /** Removes a product from the cart; NOT_FOUND when it is not in the cart. */
  removeFromCart: Cart;
  /**
   * Revokes a live API key: every service refuses it on the next request
   * embedded or with Redis, otherwise within API_KEY_CACHE_SECONDS. NOT_FOUND
   * when no live key has that id; CONFLICT for the key sending the request (use
   * another admin key or `npm run apikey -- revoke`). Admin.
   */
  revokeApiKey: ApiKey;
  /**
   * Signs in with an ID token (a JWT) from the app's own identity provider,
   * verified against its keys (issuer, audience, expiry checked). Its subject
   * becomes a known shopper on first sign-in. Sent with the anonymous session's
   * `x-session-token`, that shopper's cart (quantities added), preferences (only
   * those the known shopper has not set) and history are merged into the known
   * shopper, once: a retried sign-in finds the merge done and changes nothing.
   * Returns a new token (the one sent is refused from then on: SESSION_REPLACED).
   * UNAUTHENTICATED (reason ID_TOKEN_INVALID, `detail` saying why) for a token
   * that does not verify; FORBIDDEN (SIGN_IN_NOT_CONFIGURED) when the server has
   * no identity provider configured.
   */
  signIn: Session;
  /**
   * Starts an anonymous shopping session. Send the returned token as the
   * `x-session-token` header on later requests; it is shown only once.
   */
  startSession: Session;
  /** Records something the shopper did; the recommendation engine learns from it. */
  trackEvent: InteractionEvent;
  /** Records up to 100 events at once, all or nothing. */
  trackEvents: Array<InteractionEvent>;
  /** Sets the quantity (1–999) of a product already in the cart. */
  updateCartItem: Cart;
  /** Changes only the preferences given; `null` clears one (or resets it to its default). */
  updatePreferences: Preferences;
};


export type MutationAddItemsToCartArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  items: Array<CartLineInput>;
};


export type MutationAddToCartArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  productId: Scalars['ID']['input'];
  quantity?: Scalars['Int']['input'];
  recommendationId?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCheckoutArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationClearCartArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationImportOrderHistoryArgs = {
  data: Scalars['String']['input'];
  format: OrderHistoryFormat;
};


export type MutationRemoveFromCartArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  productId: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSignInArgs = {
  idToken: Scalars['String']['input'];
};


export type MutationTrackEventArgs = {
  input: TrackEventInput;
};


export type MutationTrackEventsArgs = {
  inputs: Array<TrackEventInput>;
};


export type MutationUpdateCartItemArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};


export type MutationUpdatePreferencesArgs = {
  input: PreferencesInput;
};

export type Order = {
  __typename?: 'Order';
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  discount: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  itemCount: Scalars['Int']['output'];
  items: Array<OrderItem>;
  status: OrderStatus;
  subtotal: Scalars['Decimal']['output'];
  total: Scalars['Decimal']['output'];
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Opaque; pass it as `after` to continue after this order. */
  cursor: Scalars['String']['output'];
  node: Order;
};

/** How an order history handed to `importOrderHistory` is written. */
export type OrderHistoryFormat =
  /** A header row naming the columns, then one order line per row. */
  | 'CSV'
  /** A JSON array of order-line objects. */
  | 'JSON'
  /** One order-line object per line. */
  | 'JSON_LINES';

/** A problem of one order line (line 0: the document as a whole). */
export type OrderHistoryImportError = {
  __typename?: 'OrderHistoryImportError';
  field: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
};

export type OrderHistoryImportResult = {
  __typename?: 'OrderHistoryImportResult';
  /** Customers seen for the first time (new shoppers). */
  customersCreated: Scalars['Int']['output'];
  /** Every problem; when not empty, nothing was written. */
  errors: Array<OrderHistoryImportError>;
  /** Order lines read. */
  lines: Scalars['Int']['output'];
  ordersCreated: Scalars['Int']['output'];
  /** Orders already imported earlier (same order id), left as they were. */
  ordersUnchanged: Scalars['Int']['output'];
  /** PURCHASE interactions recorded. */
  purchaseEvents: Scalars['Int']['output'];
};

export type OrderItem = {
  __typename?: 'OrderItem';
  lineTotal: Scalars['Decimal']['output'];
  product: Product;
  quantity: Scalars['Int']['output'];
  /** What one unit cost when the order was placed. */
  unitPrice: Scalars['Decimal']['output'];
};

export type OrderStatus =
  | 'PLACED';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Preferences = {
  __typename?: 'Preferences';
  /** The most the shopper means to spend per cart; null when not set. */
  budgetLimit?: Maybe<Scalars['Decimal']['output']>;
  dietaryRestrictions: Array<DietaryTag>;
  favouriteCategoryIds: Array<Scalars['ID']['output']>;
  location?: Maybe<ShopperLocation>;
  sustainabilityPreference: SustainabilityPreference;
};

/** Every field optional: only the fields given change; `null` clears one. */
export type PreferencesInput = {
  /** ≥ 0, at most 2 decimals; null removes the budget. */
  budgetLimit?: InputMaybe<Scalars['Decimal']['input']>;
  /** Replaces the list; null empties it. */
  dietaryRestrictions?: InputMaybe<Array<DietaryTag>>;
  /** Category ids (UUIDs), at most 20; replaces the list; null empties it. */
  favouriteCategoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** null forgets the location. */
  location?: InputMaybe<ShopperLocationInput>;
  /** null resets it to NONE. */
  sustainabilityPreference?: InputMaybe<SustainabilityPreference>;
};

/** A product of the catalog; its fields come from the products subgraph. */
export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Every API key, oldest first, revoked ones included; never a secret. Needs an API key with the admin role. */
  apiKeys: Array<ApiKey>;
  /** The session's cart (empty until something is added). UNAUTHENTICATED without a valid session. */
  cart: Cart;
  /**
   * The API key sent in the `x-api-key` header: its name, roles and what they
   * permit (never its secret). UNAUTHENTICATED (`reason: API_KEY_MISSING`)
   * without a valid key; any live key may ask.
   */
  currentApiKey: ApiKey;
  /**
   * The shopper holding the session token sent in the `x-session-token` header;
   * null without one. A token that no longer works answers UNAUTHENTICATED with
   * `extensions.reason` (SESSION_UNKNOWN, SESSION_ENDED, SESSION_REPLACED,
   * SESSION_IDLE_EXPIRED or SESSION_EXPIRED).
   */
  me?: Maybe<Shopper>;
  /** One of the session's orders. NOT_FOUND when no order of this shopper has that id. */
  order: Order;
  /** The session's orders, newest first. `first` is 1–100; pass `pageInfo.endCursor` as `after` for the next page. */
  orders: OrderConnection;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Session = {
  __typename?: 'Session';
  /** True when this sign-in merged an anonymous session's cart, preferences and history into the shopper. */
  merged: Scalars['Boolean']['output'];
  shopper: Shopper;
  token: Scalars['String']['output'];
};

/**
 * An anonymous shopper: no login, known only by its session. `id` and
 * `createdAt` are public; every other field answers only to the session of this
 * very shopper (UNAUTHENTICATED without a session, FORBIDDEN with another one).
 */
export type Shopper = {
  __typename?: 'Shopper';
  cart?: Maybe<Cart>;
  createdAt: Scalars['DateTime']['output'];
  /** The shopper's interactions, newest first, optionally of one type. */
  events?: Maybe<InteractionEventConnection>;
  id: Scalars['ID']['output'];
  orders?: Maybe<OrderConnection>;
  preferences?: Maybe<Preferences>;
};


/**
 * An anonymous shopper: no login, known only by its session. `id` and
 * `createdAt` are public; every other field answers only to the session of this
 * very shopper (UNAUTHENTICATED without a session, FORBIDDEN with another one).
 */
export type ShopperEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<InteractionType>;
};


/**
 * An anonymous shopper: no login, known only by its session. `id` and
 * `createdAt` are public; every other field answers only to the session of this
 * very shopper (UNAUTHENTICATED without a session, FORBIDDEN with another one).
 */
export type ShopperOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ShopperLocation = {
  __typename?: 'ShopperLocation';
  city?: Maybe<Scalars['String']['output']>;
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

export type ShopperLocationInput = {
  /** 1–120 characters. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** -180 to 180. */
  longitude: Scalars['Float']['input'];
};

/**
 * Live cart updates. Declared here so that the supergraph (and the playground
 * and code generators) show them; the gateway serves them itself over
 * graphql-ws at the same URL (see docs/subscriptions.md).
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Pushed when a change takes the session's cart to NEAR (90 % of its budget) or OVER its budget. */
  budgetAlerts: BudgetAlert;
  /**
   * The session's cart, with whatever of it (and of the other subgraphs' fields
   * on it) the subscription selects: first as it is now, then again after every
   * change. `cartId`, when given, must be the session's own cart (FORBIDDEN otherwise).
   */
  cartSuggestions: CartSuggestionsPayload;
};


/**
 * Live cart updates. Declared here so that the supergraph (and the playground
 * and code generators) show them; the gateway serves them itself over
 * graphql-ws at the same URL (see docs/subscriptions.md).
 */
export type SubscriptionBudgetAlertsArgs = {
  cartId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Live cart updates. Declared here so that the supergraph (and the playground
 * and code generators) show them; the gateway serves them itself over
 * graphql-ws at the same URL (see docs/subscriptions.md).
 */
export type SubscriptionCartSuggestionsArgs = {
  cartId?: InputMaybe<Scalars['ID']['input']>;
};

export type SustainabilityPreference =
  | 'NONE'
  /** Only sustainable products. */
  | 'ONLY'
  /** Rank sustainable products higher. */
  | 'PREFER';

export type TrackEventInput = {
  /** Required for every type but SEARCH. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** Required for SEARCH: 1–200 characters. */
  query?: InputMaybe<Scalars['String']['input']>;
  /** The `id` of the recommendation the shopper acted on (1–64 characters), for attribution. */
  recommendationId?: InputMaybe<Scalars['String']['input']>;
  type: InteractionType;
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
  Cart: Cart;
  Shopper: Shopper;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}> );
  Shopper:
    ( { __typename: 'Shopper' }
    & GraphQLRecursivePick<FederationTypes['Shopper'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ApiKey: ResolverTypeWrapper<ApiKeyListingModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  BudgetAlert: ResolverTypeWrapper<BudgetAlert>;
  BudgetStatus: BudgetStatus;
  Cart: ResolverTypeWrapper<CartViewModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CartBudget: ResolverTypeWrapper<CartBudget>;
  CartItem: ResolverTypeWrapper<CartItemViewModel>;
  CartLineInput: CartLineInput;
  CartSuggestionsPayload: ResolverTypeWrapper<Omit<CartSuggestionsPayload, 'cart'> & { cart: ResolversTypes['Cart'] }>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: ResolverTypeWrapper<Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DietaryTag: DietaryTag;
  InteractionEvent: ResolverTypeWrapper<InteractionEventModel>;
  InteractionEventConnection: ResolverTypeWrapper<Omit<InteractionEventConnection, 'edges'> & { edges: Array<ResolversTypes['InteractionEventEdge']> }>;
  InteractionEventEdge: ResolverTypeWrapper<Omit<InteractionEventEdge, 'node'> & { node: ResolversTypes['InteractionEvent'] }>;
  InteractionType: InteractionType;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Order: ResolverTypeWrapper<OrderViewModel>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderHistoryFormat: OrderHistoryFormat;
  OrderHistoryImportError: ResolverTypeWrapper<OrderHistoryImportError>;
  OrderHistoryImportResult: ResolverTypeWrapper<OrderHistoryImportResult>;
  OrderItem: ResolverTypeWrapper<OrderItemViewModel>;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Preferences: ResolverTypeWrapper<ShopperModel>;
  PreferencesInput: PreferencesInput;
  Product: ResolverTypeWrapper<Product>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Session: ResolverTypeWrapper<Omit<Session, 'shopper'> & { shopper: ResolversTypes['Shopper'] }>;
  Shopper: ResolverTypeWrapper<ShopperModel>;
  ShopperLocation: ResolverTypeWrapper<ShopperLocation>;
  ShopperLocationInput: ShopperLocationInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SustainabilityPreference: SustainabilityPreference;
  TrackEventInput: TrackEventInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiKey: ApiKeyListingModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  BudgetAlert: BudgetAlert;
  Cart: CartViewModel;
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  CartBudget: CartBudget;
  CartItem: CartItemViewModel;
  CartLineInput: CartLineInput;
  CartSuggestionsPayload: Omit<CartSuggestionsPayload, 'cart'> & { cart: ResolversParentTypes['Cart'] };
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  InteractionEvent: InteractionEventModel;
  InteractionEventConnection: Omit<InteractionEventConnection, 'edges'> & { edges: Array<ResolversParentTypes['InteractionEventEdge']> };
  InteractionEventEdge: Omit<InteractionEventEdge, 'node'> & { node: ResolversParentTypes['InteractionEvent'] };
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  Order: OrderViewModel;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderHistoryImportError: OrderHistoryImportError;
  OrderHistoryImportResult: OrderHistoryImportResult;
  OrderItem: OrderItemViewModel;
  PageInfo: PageInfo;
  Preferences: ShopperModel;
  PreferencesInput: PreferencesInput;
  Product: Product;
  Query: Record<PropertyKey, never>;
  Session: Omit<Session, 'shopper'> & { shopper: ResolversParentTypes['Shopper'] };
  Shopper: ShopperModel;
  ShopperLocation: ShopperLocation;
  ShopperLocationInput: ShopperLocationInput;
  Subscription: Record<PropertyKey, never>;
  TrackEventInput: TrackEventInput;
}>;

export type ApiKeyResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type BudgetAlertResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['BudgetAlert'] = ResolversParentTypes['BudgetAlert']> = ResolversObject<{
  budgetLimit?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BudgetStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type CartResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  budget?: Resolver<ResolversTypes['CartBudget'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['CartItem']>, ParentType, ContextType>;
  shopper?: Resolver<ResolversTypes['Shopper'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  sustainabilityScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CartBudgetResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['CartBudget'] = ResolversParentTypes['CartBudget']> = ResolversObject<{
  limit?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  remaining?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BudgetStatus'], ParentType, ContextType>;
}>;

export type CartItemResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['CartItem'] = ResolversParentTypes['CartItem']> = ResolversObject<{
  addedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type CartSuggestionsPayloadResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['CartSuggestionsPayload'] = ResolversParentTypes['CartSuggestionsPayload']> = ResolversObject<{
  cart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType>;
}>;

export type CreatedApiKeyResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type InteractionEventResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['InteractionEvent'] = ResolversParentTypes['InteractionEvent']> = ResolversObject<{
  basketId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  query?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recommendationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['InteractionType'], ParentType, ContextType>;
}>;

export type InteractionEventConnectionResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['InteractionEventConnection'] = ResolversParentTypes['InteractionEventConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InteractionEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type InteractionEventEdgeResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['InteractionEventEdge'] = ResolversParentTypes['InteractionEventEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['InteractionEvent'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addItemsToCart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, RequireFields<MutationAddItemsToCartArgs, 'items'>>;
  addToCart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, RequireFields<MutationAddToCartArgs, 'productId' | 'quantity'>>;
  checkout?: Resolver<ResolversTypes['Order'], ParentType, ContextType, Partial<MutationCheckoutArgs>>;
  clearCart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, Partial<MutationClearCartArgs>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  endSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  importOrderHistory?: Resolver<ResolversTypes['OrderHistoryImportResult'], ParentType, ContextType, RequireFields<MutationImportOrderHistoryArgs, 'data' | 'format'>>;
  removeFromCart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, RequireFields<MutationRemoveFromCartArgs, 'productId'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  signIn?: Resolver<ResolversTypes['Session'], ParentType, ContextType, RequireFields<MutationSignInArgs, 'idToken'>>;
  startSession?: Resolver<ResolversTypes['Session'], ParentType, ContextType>;
  trackEvent?: Resolver<ResolversTypes['InteractionEvent'], ParentType, ContextType, RequireFields<MutationTrackEventArgs, 'input'>>;
  trackEvents?: Resolver<Array<ResolversTypes['InteractionEvent']>, ParentType, ContextType, RequireFields<MutationTrackEventsArgs, 'inputs'>>;
  updateCartItem?: Resolver<ResolversTypes['Cart'], ParentType, ContextType, RequireFields<MutationUpdateCartItemArgs, 'productId' | 'quantity'>>;
  updatePreferences?: Resolver<ResolversTypes['Preferences'], ParentType, ContextType, RequireFields<MutationUpdatePreferencesArgs, 'input'>>;
}>;

export type OrderResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['OrderItem']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type OrderEdgeResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
}>;

export type OrderHistoryImportErrorResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['OrderHistoryImportError'] = ResolversParentTypes['OrderHistoryImportError']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderHistoryImportResultResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['OrderHistoryImportResult'] = ResolversParentTypes['OrderHistoryImportResult']> = ResolversObject<{
  customersCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['OrderHistoryImportError']>, ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ordersCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ordersUnchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  purchaseEvents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OrderItemResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['OrderItem'] = ResolversParentTypes['OrderItem']> = ResolversObject<{
  lineTotal?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PreferencesResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Preferences'] = ResolversParentTypes['Preferences']> = ResolversObject<{
  budgetLimit?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  dietaryRestrictions?: Resolver<Array<ResolversTypes['DietaryTag']>, ParentType, ContextType>;
  favouriteCategoryIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['ShopperLocation']>, ParentType, ContextType>;
  sustainabilityPreference?: Resolver<ResolversTypes['SustainabilityPreference'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  cart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType>;
  currentApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['Shopper']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<QueryOrdersArgs, 'first'>>;
}>;

export type SessionResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = ResolversObject<{
  merged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shopper?: Resolver<ResolversTypes['Shopper'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShopperResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Shopper'] = ResolversParentTypes['Shopper'], FederationReferenceType extends FederationReferenceTypes['Shopper'] = FederationReferenceTypes['Shopper']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Shopper']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  events?: Resolver<Maybe<ResolversTypes['InteractionEventConnection']>, ParentType, ContextType, RequireFields<ShopperEventsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<Maybe<ResolversTypes['OrderConnection']>, ParentType, ContextType, RequireFields<ShopperOrdersArgs, 'first'>>;
  preferences?: Resolver<Maybe<ResolversTypes['Preferences']>, ParentType, ContextType>;
}>;

export type ShopperLocationResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['ShopperLocation'] = ResolversParentTypes['ShopperLocation']> = ResolversObject<{
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  budgetAlerts?: SubscriptionResolver<ResolversTypes['BudgetAlert'], "budgetAlerts", ParentType, ContextType, Partial<SubscriptionBudgetAlertsArgs>>;
  cartSuggestions?: SubscriptionResolver<ResolversTypes['CartSuggestionsPayload'], "cartSuggestions", ParentType, ContextType, Partial<SubscriptionCartSuggestionsArgs>>;
}>;

export type Resolvers<ContextType = UsersContext> = ResolversObject<{
  ApiKey?: ApiKeyResolvers<ContextType>;
  BudgetAlert?: BudgetAlertResolvers<ContextType>;
  Cart?: CartResolvers<ContextType>;
  CartBudget?: CartBudgetResolvers<ContextType>;
  CartItem?: CartItemResolvers<ContextType>;
  CartSuggestionsPayload?: CartSuggestionsPayloadResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  InteractionEvent?: InteractionEventResolvers<ContextType>;
  InteractionEventConnection?: InteractionEventConnectionResolvers<ContextType>;
  InteractionEventEdge?: InteractionEventEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderHistoryImportError?: OrderHistoryImportErrorResolvers<ContextType>;
  OrderHistoryImportResult?: OrderHistoryImportResultResolvers<ContextType>;
  OrderItem?: OrderItemResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Preferences?: PreferencesResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  Shopper?: ShopperResolvers<ContextType>;
  ShopperLocation?: ShopperLocationResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
}>;

