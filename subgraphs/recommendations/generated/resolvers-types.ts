import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProductReference as ProductReferenceModel } from '../data/productReference';
import type { ShopperRepresentation as ShopperRepresentationModel, CartRepresentation as CartRepresentationModel, ListModel as ListModelModel } from '../representations';
import type { Recommendation as RecommendationModel } from '../engine/recommendationEngine';
import type { Intent as IntentModel } from '../intent/intent';
import type { ExperimentDefinition as ExperimentDefinitionModel, VariantDefinition as VariantDefinitionModel } from '../experiments/experimentDefinition';
import type { ComputedReport as ComputedReportModel } from '../experiments/experimentReports';
import type { VariantReport as VariantReportModel, Comparison as ComparisonModel } from '../experiments/experimentReport';
import type { HealthReport as HealthReportModel } from '../learning/healthReport';
import type { PlannedItem as PlannedItemModel } from '../shoppingList/planCartFill';
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
  /** An instant, ISO 8601 in UTC. */
  DateTime: { input: Date | string; output: Date | string; }
  /** An exact decimal number sent as a string ("3.49"). */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type BarcodeFormat =
  | 'EAN_8'
  | 'EAN_13'
  | 'UPC_A'
  | 'UPC_E';

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

export type CreateExperimentInput = {
  /** Significance level of the tests, in (0, 0.2]. Default 0.05. */
  alpha?: InputMaybe<Scalars['Float']['input']>;
  /** 1–120 characters. */
  name: Scalars['String']['input'];
  placement: ExperimentPlacement;
  /** Default true: RUNNING at once; false: DRAFT until startExperiment. */
  start?: InputMaybe<Scalars['Boolean']['input']>;
  /** 2–5 variants with distinct keys; the first is the control. */
  variants: Array<ExperimentVariantInput>;
};

export type DietaryTag =
  | 'GLUTEN_FREE'
  | 'HALAL'
  | 'KOSHER'
  | 'LACTOSE_FREE'
  | 'NUT_FREE'
  | 'VEGAN'
  | 'VEGETARIAN';

export type EventConsumerHealth = {
  __typename?: 'EventConsumerHealth';
  /** The consumer group; null for a follower (each replica reads the whole stream itself). */
  group?: Maybe<Scalars['String']['output']>;
  /** Stream entries not yet delivered to the group; null for a follower or when the bus cannot tell. */
  lag?: Maybe<Scalars['Int']['output']>;
  /** Why it is retrying, when it is. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** Delivered to the group and not yet acknowledged; null for a follower. */
  pending?: Maybe<Scalars['Int']['output']>;
  /** RUNNING, RETRYING or STOPPED. */
  state: Scalars['String']['output'];
  stream: Scalars['String']['output'];
};

export type Experiment = {
  __typename?: 'Experiment';
  alpha: Scalars['Float']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  placement: ExperimentPlacement;
  /** Short id carried in the recommendation ids the experiment serves (x.<ref>.<variant>.…). */
  ref: Scalars['String']['output'];
  /** Computed now from the recorded impressions and attributed outcomes. */
  report: ExperimentReport;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: ExperimentStatus;
  stoppedAt?: Maybe<Scalars['DateTime']['output']>;
  variants: Array<ExperimentVariant>;
};

export type ExperimentMetric =
  | 'ADD_TO_CART_RATE'
  | 'CLICK_THROUGH_RATE'
  | 'CONVERSION_RATE'
  | 'REVENUE_PER_IMPRESSION';

/** Where the lists an experiment changes are served. */
export type ExperimentPlacement =
  /** Cart.suggestions */
  | 'CART_SUGGESTIONS'
  /** Product.frequentlyBoughtTogether */
  | 'FREQUENTLY_BOUGHT_TOGETHER'
  /** Query.popular */
  | 'POPULAR'
  /** Shopper.recommendations */
  | 'SHOPPER_RECOMMENDATIONS'
  /** Product.similarItems */
  | 'SIMILAR_ITEMS'
  /** Query.trending */
  | 'TRENDING';

export type ExperimentReport = {
  __typename?: 'ExperimentReport';
  /** The experiment's significance level. */
  alpha: Scalars['Float']['output'];
  /** An outcome counts for an impression served at most this long before it. */
  attributionWindowHours: Scalars['Int']['output'];
  /** Each treatment against the control, per metric. */
  comparisons: Array<VariantComparison>;
  computedAt: Scalars['DateTime']['output'];
  /** Of every interval (0.95). */
  confidence: Scalars['Float']['output'];
  /** In the experiment's order: the control first. */
  variants: Array<VariantReport>;
};

export type ExperimentStatus =
  | 'DRAFT'
  | 'RUNNING'
  | 'STOPPED';

export type ExperimentVariant = {
  __typename?: 'ExperimentVariant';
  filter?: Maybe<VariantFilter>;
  key: Scalars['String']['output'];
  maxCategoryShare?: Maybe<Scalars['Float']['output']>;
  pairShrinkage?: Maybe<Scalars['Float']['output']>;
  /** weight / sum of weights. */
  share: Scalars['Float']['output'];
  strategy: VariantStrategy;
  weight: Scalars['Int']['output'];
};

export type ExperimentVariantInput = {
  /** Applied besides each request's own filter (both hold). */
  filter?: InputMaybe<RecommendationFilter>;
  /** 1–16 characters: a–z, 0–9, - and _ (it is carried in recommendation ids). */
  key: Scalars['String']['input'];
  /** Diversity: the largest share of a list one aisle may fill, in (0, 1]. Default: the engine's (0.5). */
  maxCategoryShare?: InputMaybe<Scalars['Float']['input']>;
  /** Model parameter: pseudo-counts that shrink rare pairs (frequently bought together, similar, personalised), 0–1000. Default: the engine's (5). */
  pairShrinkage?: InputMaybe<Scalars['Float']['input']>;
  strategy?: InputMaybe<VariantStrategy>;
  /** Relative share of traffic, 1–100 (weights 50/50, 1/1 or 90/10 …). */
  weight: Scalars['Int']['input'];
};

/** What fillCartFromList did with each item of the list. */
export type FillCartFromListResult = {
  __typename?: 'FillCartFromListResult';
  /** How many items were added. */
  added: Scalars['Int']['output'];
  /** The cart after the additions (as it was, when nothing could be added). */
  cart: Cart;
  /** Every item of the list, in its order (a line naming several is several items). */
  items: Array<FilledListItem>;
  /** The items that were not added: what the shopper still has to find. */
  unmatched: Array<FilledListItem>;
};

/** One item of a shopping list, as understood and matched. */
export type FilledListItem = {
  __typename?: 'FilledListItem';
  /** 0–1: how much of the item was understood times how much of its product words the product's name has. Not a probability. */
  confidence: Scalars['Float']['output'];
  /** How it was understood; null when it names no product. */
  item?: Maybe<IntentItem>;
  /** ADDED: the product added. NOT_IN_DIET and OVER_BUDGET: the best match, which was not added. Null otherwise. */
  product?: Maybe<Product>;
  /** Units added, or that would have been, as many as cover what the item asks for: "2 x milk" two, "2 l milk" two 1 L bottles, "12 eggs" two 6-packs, "1 kg spaghetti" two 500 g packs; 1 without a quantity (at most 99). */
  quantity: Scalars['Int']['output'];
  /** For the shopper ("Added Whole milk 1 L", "No vegan product matches “cheese”"). */
  reason: Scalars['String']['output'];
  status: FilledListItemStatus;
  /** The words of the item, as written. */
  text: Scalars['String']['output'];
};

export type FilledListItemStatus =
  | 'ADDED'
  /** Products match, but none obeys the shopper's dietary restrictions. */
  | 'NOT_IN_DIET'
  /** No product matches the item's words (or the item names no product). */
  | 'NO_MATCH'
  /** Products match, but none fits in what is left of the budget. */
  | 'OVER_BUDGET';

/** What a photo was understood as. */
export type ImageIntent = {
  __typename?: 'ImageIntent';
  /** The digits as printed under the bars; null when nothing was read. */
  code?: Maybe<Scalars['String']['output']>;
  format?: Maybe<BarcodeFormat>;
  /** The code as the catalog stores it (GTIN-14; a UPC-E expanded first); null when nothing was read. */
  gtin?: Maybe<Scalars['String']['output']>;
  /** BARCODE: a barcode was read (`code`, `format`); LIST: no barcode, but lines of text (`lines`); NOTHING_READ: neither. */
  kind: ImageIntentKind;
  /** The lines of a photographed shopping list, top to bottom; empty unless `kind` is LIST. */
  lines: Array<ShoppingListLine>;
  /** The product with that GTIN, the list's anchor; null when nothing was read or no product has it. */
  product?: Maybe<Product>;
};

export type ImageIntentKind =
  | 'BARCODE'
  | 'LIST'
  | 'NOTHING_READ';

export type Intent = {
  __typename?: 'Intent';
  categoryIds: Array<Scalars['ID']['output']>;
  /** 0–1: how much of the text was understood. */
  confidence: Scalars['Float']['output'];
  dietaryTags: Array<DietaryTag>;
  /** Product words the shopper does not want ("no nuts"): products naming them are left out. */
  excluded: Array<Scalars['String']['output']>;
  healthy: Scalars['Boolean']['output'];
  /** Present when the request had an image: what was read in it. `text` is then empty. */
  image?: Maybe<ImageIntent>;
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

/** A mean with its normal-approximation interval. */
export type MeanEstimate = {
  __typename?: 'MeanEstimate';
  high: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
  mean: Scalars['Float']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Defines an online experiment on one placement (API key with
   * `experiments:write`: admin). The first variant is the control. It starts
   * at once unless `start: false`; one experiment runs per placement at a time
   * (CONFLICT otherwise). See docs/experiments.md.
   */
  createExperiment: Experiment;
  /**
   * Fills the session's cart from a shopping list in one call. Each item of the
   * list (a line; "milk, eggs and bread" on one line are three) is understood by
   * the same parser as free text (quantity, product words, diet, organic, "no
   * nuts"), matched to the best product that obeys the shopper's dietary
   * restrictions strictly and fits what is left of the budget, and every match
   * is added at once (the users subgraph's addItemsToCart: all or nothing).
   * Items that could not be matched, or did not fit, are reported with why and
   * add nothing; the cart is unchanged when none could be added. Needs a session
   * (UNAUTHENTICATED otherwise). `idempotencyKey`: a retry with the same key and
   * the same picks replays the first answer (CONFLICT when the catalog changed
   * the picks in between). See docs/shopping-lists.md.
   */
  fillCartFromList: FillCartFromListResult;
  /** Starts a DRAFT experiment (CONFLICT when another runs on its placement, or it was stopped). */
  startExperiment: Experiment;
  /** Stops an experiment: its placement serves as before; its report stays readable. */
  stopExperiment: Experiment;
};


export type MutationCreateExperimentArgs = {
  input: CreateExperimentInput;
};


export type MutationFillCartFromListArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  list: ShoppingListInput;
};


export type MutationStartExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationStopExperimentArgs = {
  id: Scalars['ID']['input'];
};

/** A photo sent inline (recommend(context: { image })). */
export type PhotoInput = {
  /** The image's bytes in base64 (standard or URL-safe alphabet); a `data:image/...;base64,` prefix is accepted. */
  base64: Scalars['String']['input'];
  /** What the client believes it is (image/png, image/jpeg, image/webp): a hint; the bytes decide. */
  contentType?: InputMaybe<Scalars['String']['input']>;
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
  /** Products like this one, most similar first, in stock: the products of `similarItems(first, strict: true)`, in its order (`similarItems` explains each). Null only when the recommendations service is unavailable (see the error). */
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
  /** One experiment with its report (API key with `experiments:read`); null when there is no such experiment. */
  experiment?: Maybe<Experiment>;
  /** Online experiments, newest first (API key with `experiments:read`: admin, catalog-editor). */
  experiments: Array<Experiment>;
  /** Most engaged-with items, recent activity weighing more. */
  popular: RecommendationList;
  /**
   * Recommendations for a page without a shopper: from products (what goes with
   * them), a category, free text ("cheap vegan snacks under $5"), or any mix.
   * Its body limit fits a photo of RECS_IMAGE_MAX_BYTES (4,000,000) in base64:
   * 4/3 × 4,000,000 = 5,333,336 characters plus a margin for the query, the
   * rest of the variables and JSON escapes (docs/vision.md#limits-and-variables).
   */
  recommend: RecommendationList;
  /**
   * How the recommender is doing, as the replica answering sees it: the age of
   * the saved model and of the basket model it serves, what it has learned, its
   * event consumers' lag and the dead letters waiting (API key with
   * `health:read`: admin, catalog-editor). See docs/recommendations.md.
   */
  recommendationHealth: RecommendationHealth;
  /** What shoppers engage with more and more right now (rising over the last hours). */
  trending: RecommendationList;
};


export type QueryDetectIntentArgs = {
  text: Scalars['String']['input'];
};


export type QueryExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExperimentsArgs = {
  status?: InputMaybe<ExperimentStatus>;
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

/** A proportion with its Wilson score interval. */
export type RateEstimate = {
  __typename?: 'RateEstimate';
  high: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
  rate: Scalars['Float']['output'];
  successes: Scalars['Int']['output'];
  trials: Scalars['Int']['output'];
};

export type RecommendationContext = {
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * A photo (PNG, JPEG or WebP) of a product's barcode (EAN-13, EAN-8, UPC-A,
   * UPC-E): the product with that GTIN anchors the list; or of a shopping list
   * (printed, English): each line is read and matched to a product
   * (docs/vision.md). At most RECS_IMAGE_MAX_BYTES bytes and
   * RECS_IMAGE_MAX_PIXELS pixels; the request body may be up to the 5,600,000
   * bytes `recommend` declares, when every root field of the operation allows
   * that much (HTTP_MAX_BODY_BYTES otherwise).
   */
  image?: InputMaybe<PhotoInput>;
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

export type RecommendationHealth = {
  __typename?: 'RecommendationHealth';
  /** Seconds since `basketModelFittedAt`. */
  basketModelAgeSeconds?: Maybe<Scalars['Int']['output']>;
  /** When the basket model this replica serves (cart completion) was fitted; null while loading. */
  basketModelFittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Each event consumer and follower of the service, with its lag. */
  consumers: Array<EventConsumerHealth>;
  /** Events waiting in the dead letters of the streams it consumes (npm run events -- dead-letters). */
  deadLetters: Scalars['Int']['output'];
  /** The same, per stream. */
  deadLettersByStream: Array<StreamDeadLetters>;
  /** The replica answering (INSTANCE_ID). */
  instance: Scalars['String']['output'];
  /** Distinct interactions (views, adds to cart, purchases …) the engine has learned. */
  interactionsLearned: Scalars['Int']['output'];
  /** When the newest interaction learned happened; null before the first. */
  lastInteractionAt?: Maybe<Scalars['DateTime']['output']>;
  /** How this replica loaded its engine: SNAPSHOT_STREAM, SNAPSHOT_DATABASE or REBUILD; null while loading. */
  loadedFrom?: Maybe<Scalars['String']['output']>;
  /** Seconds since `modelBuiltAt`; null before the first save. */
  modelAgeSeconds?: Maybe<Scalars['Int']['output']>;
  /** When the saved model (the snapshot a new replica loads; saved on every training) was built; null before the first save. */
  modelBuiltAt?: Maybe<Scalars['DateTime']['output']>;
  /** What keeps it from being ready; empty when ready. */
  problems: Array<Scalars['String']['output']>;
  /** Products the engine knows. */
  productsKnown: Scalars['Int']['output'];
  /** Whether every consumer reads and every start-up task has started (what /readyz checks). */
  ready: Scalars['Boolean']['output'];
  /** Shopper histories the engine keeps in memory (at most RECS_MAX_SHOPPERS). */
  shoppersKnown: Scalars['Int']['output'];
};

export type RecommendationList = {
  __typename?: 'RecommendationList';
  /**
   * Why the list is empty, for the client's empty state ("Nothing bought with
   * Whole milk 1 L passes the filters", "The cart is empty"); null when the list
   * has items.
   */
  emptyReason?: Maybe<Scalars['String']['output']>;
  /** Present when the request had free text or an image: how it was understood. */
  intent?: Maybe<Intent>;
  items: Array<RecommendedItem>;
  /** One list per item when the free text asks for several ("milk, eggs and bread"), in the order asked; `items` then interleaves them. */
  perItem?: Maybe<Array<IntentItemRecommendations>>;
  /** The strategies that produced items, primary first; fallbacks follow when filters left too few. A strategy that found nothing is not listed. */
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
  /** 0–1: the estimated probability that this item is the shopper's next add to cart; one meaning for every strategy, calibrated on held-out baskets (docs/recommendations.md#confidence). */
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

/** A shopping list to fill a cart from: `text` or `image`, exactly one. */
export type ShoppingListInput = {
  /**
   * A photo of a printed list (PNG, JPEG or WebP, English), read line by line by
   * the same text recognition as recommend(context: { image }), with its limits
   * (docs/vision.md); each line's confidence counts in its items'. A photo that
   * shows a barcode instead, or no text, is BAD_USER_INPUT (field `list.image`).
   */
  image?: InputMaybe<PhotoInput>;
  /** The list as typed or pasted: one item per line; commas and "and" split a line too. At most 2,000 characters and 50 items. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** One line of a photographed shopping list. */
export type ShoppingListLine = {
  __typename?: 'ShoppingListLine';
  /** 0–1: the text recognition's confidence in the line × the share of the line's words the product carries; 0 without a product. */
  confidence: Scalars['Float']['output'];
  /** The line read by the free-text intent parser: its item (quantity, unit, product type), diets, prices, exclusions. */
  intent: Intent;
  /** The best match, the product recommend(context: { text }) would list first for the line; null when no product has its words (or none passes the filters). */
  product?: Maybe<Product>;
  /** The line exactly as the text recognition read it ("- 2 | whole milk"). */
  read: Scalars['String']['output'];
  /** The line as understood, list marks and misread units mended ("2 l whole milk"). */
  text: Scalars['String']['output'];
};

export type StreamDeadLetters = {
  __typename?: 'StreamDeadLetters';
  count: Scalars['Int']['output'];
  stream: Scalars['String']['output'];
};

export type SustainabilityPreference =
  | 'NONE'
  | 'ONLY'
  | 'PREFER';

/**
 * A treatment against the control on one metric: a two-proportion z-test for
 * rates, Welch's z-test for revenue per impression; two-sided, judged at the
 * experiment's alpha divided among its treatments (Bonferroni).
 */
export type VariantComparison = {
  __typename?: 'VariantComparison';
  /** The alpha this comparison is judged at. */
  alpha: Scalars['Float']['output'];
  control: Scalars['String']['output'];
  /** treatment − control. */
  difference: Scalars['Float']['output'];
  metric: ExperimentMetric;
  pValue?: Maybe<Scalars['Float']['output']>;
  /** difference / control; null when the control is 0. */
  relativeLift?: Maybe<Scalars['Float']['output']>;
  significant: Scalars['Boolean']['output'];
  /** In words, e.g. "click-through rate: b 5.42% vs a 3.89% (+39.5%); significant at alpha 0.05 (two-sided p < 0.0001)". */
  summary: Scalars['String']['output'];
  treatment: Scalars['String']['output'];
  /** Null until testable (no data or no variation). */
  zScore?: Maybe<Scalars['Float']['output']>;
};

/** A variant's filter, as given. */
export type VariantFilter = {
  __typename?: 'VariantFilter';
  categoryId?: Maybe<Scalars['ID']['output']>;
  dietaryTags?: Maybe<Array<DietaryTag>>;
  excludeIds?: Maybe<Array<Scalars['ID']['output']>>;
  inStock?: Maybe<Scalars['Boolean']['output']>;
  maxPrice?: Maybe<Scalars['Decimal']['output']>;
  minPrice?: Maybe<Scalars['Decimal']['output']>;
  minSustainabilityScore?: Maybe<Scalars['Int']['output']>;
};

/** Per impression (one served list): the share of impressions with at least one click, add to cart, purchase. */
export type VariantReport = {
  __typename?: 'VariantReport';
  addToCartRate: RateEstimate;
  clickThroughRate: RateEstimate;
  conversionRate: RateEstimate;
  impressions: Scalars['Int']['output'];
  key: Scalars['String']['output'];
  /** Attributed purchase revenue in all. */
  revenue: Scalars['Float']['output'];
  revenuePerImpression: MeanEstimate;
  /** Distinct shoppers served. */
  shoppers: Scalars['Int']['output'];
};

/** What a variant serves. DEFAULT: the placement's own list (with the variant's parameters and filter). */
export type VariantStrategy =
  | 'AUTO'
  | 'BUY_IT_AGAIN'
  /** From the placement's products (cart, product page) only. */
  | 'CART_COMPLETION'
  | 'DEFAULT'
  /** From the placement's products only: the last one's complements. */
  | 'FREQUENTLY_BOUGHT_TOGETHER'
  | 'PERSONALIZED'
  | 'POPULAR'
  | 'RECENTLY_VIEWED'
  /** From the placement's products only: the last one's neighbours. */
  | 'SIMILAR'
  | 'TRENDING';

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
        | GraphQLRecursivePick<FederationTypes['Cart'], {"items":{"product":{"id":true}},"budget":{"remaining":true},"shopper":{"id":true,"preferences":{"sustainabilityPreference":true,"dietaryRestrictions":true,"location":{"latitude":true,"longitude":true}}}}> ) );
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
  BarcodeFormat: BarcodeFormat;
  Cart: ResolverTypeWrapper<CartRepresentationModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CartBudget: ResolverTypeWrapper<CartBudget>;
  CartItem: ResolverTypeWrapper<Omit<CartItem, 'product'> & { product: ResolversTypes['Product'] }>;
  CreateExperimentInput: CreateExperimentInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DietaryTag: DietaryTag;
  EventConsumerHealth: ResolverTypeWrapper<EventConsumerHealth>;
  Experiment: ResolverTypeWrapper<ExperimentDefinitionModel>;
  ExperimentMetric: ExperimentMetric;
  ExperimentPlacement: ExperimentPlacement;
  ExperimentReport: ResolverTypeWrapper<ComputedReportModel>;
  ExperimentStatus: ExperimentStatus;
  ExperimentVariant: ResolverTypeWrapper<VariantDefinitionModel>;
  ExperimentVariantInput: ExperimentVariantInput;
  FillCartFromListResult: ResolverTypeWrapper<Omit<FillCartFromListResult, 'cart' | 'items' | 'unmatched'> & { cart: ResolversTypes['Cart'], items: Array<ResolversTypes['FilledListItem']>, unmatched: Array<ResolversTypes['FilledListItem']> }>;
  FilledListItem: ResolverTypeWrapper<PlannedItemModel>;
  FilledListItemStatus: FilledListItemStatus;
  ImageIntent: ResolverTypeWrapper<Omit<ImageIntent, 'lines' | 'product'> & { lines: Array<ResolversTypes['ShoppingListLine']>, product?: Maybe<ResolversTypes['Product']> }>;
  ImageIntentKind: ImageIntentKind;
  Intent: ResolverTypeWrapper<IntentModel>;
  IntentItem: ResolverTypeWrapper<IntentItem>;
  IntentItemRecommendations: ResolverTypeWrapper<Omit<IntentItemRecommendations, 'items'> & { items: Array<ResolversTypes['RecommendedItem']> }>;
  MeanEstimate: ResolverTypeWrapper<MeanEstimate>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PhotoInput: PhotoInput;
  Preferences: ResolverTypeWrapper<Preferences>;
  PriceSensitivity: PriceSensitivity;
  Product: ResolverTypeWrapper<ProductReferenceModel>;
  Quantity: ResolverTypeWrapper<Quantity>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateEstimate: ResolverTypeWrapper<RateEstimate>;
  RecommendationContext: RecommendationContext;
  RecommendationFilter: RecommendationFilter;
  RecommendationHealth: ResolverTypeWrapper<HealthReportModel>;
  RecommendationList: ResolverTypeWrapper<ListModelModel>;
  RecommendationStrategy: RecommendationStrategy;
  RecommendationType: RecommendationType;
  RecommendedItem: ResolverTypeWrapper<RecommendationModel>;
  ServedBy: ServedBy;
  Shopper: ResolverTypeWrapper<ShopperRepresentationModel>;
  ShopperLocation: ResolverTypeWrapper<ShopperLocation>;
  ShoppingListInput: ShoppingListInput;
  ShoppingListLine: ResolverTypeWrapper<Omit<ShoppingListLine, 'intent' | 'product'> & { intent: ResolversTypes['Intent'], product?: Maybe<ResolversTypes['Product']> }>;
  StreamDeadLetters: ResolverTypeWrapper<StreamDeadLetters>;
  SustainabilityPreference: SustainabilityPreference;
  VariantComparison: ResolverTypeWrapper<ComparisonModel>;
  VariantFilter: ResolverTypeWrapper<VariantFilter>;
  VariantReport: ResolverTypeWrapper<VariantReportModel>;
  VariantStrategy: VariantStrategy;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Cart: CartRepresentationModel;
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  CartBudget: CartBudget;
  CartItem: Omit<CartItem, 'product'> & { product: ResolversParentTypes['Product'] };
  CreateExperimentInput: CreateExperimentInput;
  Float: Scalars['Float']['output'];
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  EventConsumerHealth: EventConsumerHealth;
  Experiment: ExperimentDefinitionModel;
  ExperimentReport: ComputedReportModel;
  ExperimentVariant: VariantDefinitionModel;
  ExperimentVariantInput: ExperimentVariantInput;
  FillCartFromListResult: Omit<FillCartFromListResult, 'cart' | 'items' | 'unmatched'> & { cart: ResolversParentTypes['Cart'], items: Array<ResolversParentTypes['FilledListItem']>, unmatched: Array<ResolversParentTypes['FilledListItem']> };
  FilledListItem: PlannedItemModel;
  ImageIntent: Omit<ImageIntent, 'lines' | 'product'> & { lines: Array<ResolversParentTypes['ShoppingListLine']>, product?: Maybe<ResolversParentTypes['Product']> };
  Intent: IntentModel;
  IntentItem: IntentItem;
  IntentItemRecommendations: Omit<IntentItemRecommendations, 'items'> & { items: Array<ResolversParentTypes['RecommendedItem']> };
  MeanEstimate: MeanEstimate;
  Mutation: Record<PropertyKey, never>;
  PhotoInput: PhotoInput;
  Preferences: Preferences;
  Product: ProductReferenceModel;
  Quantity: Quantity;
  Query: Record<PropertyKey, never>;
  RateEstimate: RateEstimate;
  RecommendationContext: RecommendationContext;
  RecommendationFilter: RecommendationFilter;
  RecommendationHealth: HealthReportModel;
  RecommendationList: ListModelModel;
  RecommendedItem: RecommendationModel;
  Shopper: ShopperRepresentationModel;
  ShopperLocation: ShopperLocation;
  ShoppingListInput: ShoppingListInput;
  ShoppingListLine: Omit<ShoppingListLine, 'intent' | 'product'> & { intent: ResolversParentTypes['Intent'], product?: Maybe<ResolversParentTypes['Product']> };
  StreamDeadLetters: StreamDeadLetters;
  VariantComparison: ComparisonModel;
  VariantFilter: VariantFilter;
  VariantReport: VariantReportModel;
  Int: Scalars['Int']['output'];
}>;

export type RequestBodyLimitDirectiveArgs = {
  bytes: Scalars['Int']['input'];
};

export type RequestBodyLimitDirectiveResolver<Result, Parent, ContextType = RecommendationsContext, Args = RequestBodyLimitDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CartResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  suggestions?: Resolver<Maybe<ResolversTypes['RecommendationList']>, ParentType, ContextType, RequireFields<CartSuggestionsArgs, 'first' | 'strict'>>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type EventConsumerHealthResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['EventConsumerHealth'] = ResolversParentTypes['EventConsumerHealth']> = ResolversObject<{
  group?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lag?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pending?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ExperimentResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Experiment'] = ResolversParentTypes['Experiment']> = ResolversObject<{
  alpha?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  placement?: Resolver<ResolversTypes['ExperimentPlacement'], ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  report?: Resolver<ResolversTypes['ExperimentReport'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExperimentStatus'], ParentType, ContextType>;
  stoppedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['ExperimentVariant']>, ParentType, ContextType>;
}>;

export type ExperimentReportResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['ExperimentReport'] = ResolversParentTypes['ExperimentReport']> = ResolversObject<{
  alpha?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  attributionWindowHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  comparisons?: Resolver<Array<ResolversTypes['VariantComparison']>, ParentType, ContextType>;
  computedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['VariantReport']>, ParentType, ContextType>;
}>;

export type ExperimentVariantResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['ExperimentVariant'] = ResolversParentTypes['ExperimentVariant']> = ResolversObject<{
  filter?: Resolver<Maybe<ResolversTypes['VariantFilter']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxCategoryShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pairShrinkage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['VariantStrategy'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FillCartFromListResultResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['FillCartFromListResult'] = ResolversParentTypes['FillCartFromListResult']> = ResolversObject<{
  added?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['FilledListItem']>, ParentType, ContextType>;
  unmatched?: Resolver<Array<ResolversTypes['FilledListItem']>, ParentType, ContextType>;
}>;

export type FilledListItemResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['FilledListItem'] = ResolversParentTypes['FilledListItem']> = ResolversObject<{
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  item?: Resolver<Maybe<ResolversTypes['IntentItem']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FilledListItemStatus'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ImageIntentResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['ImageIntent'] = ResolversParentTypes['ImageIntent']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  format?: Resolver<Maybe<ResolversTypes['BarcodeFormat']>, ParentType, ContextType>;
  gtin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ImageIntentKind'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ShoppingListLine']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
}>;

export type IntentResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Intent'] = ResolversParentTypes['Intent']> = ResolversObject<{
  categoryIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  dietaryTags?: Resolver<Array<ResolversTypes['DietaryTag']>, ParentType, ContextType>;
  excluded?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  healthy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['ImageIntent']>, ParentType, ContextType>;
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

export type MeanEstimateResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['MeanEstimate'] = ResolversParentTypes['MeanEstimate']> = ResolversObject<{
  high?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createExperiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType, RequireFields<MutationCreateExperimentArgs, 'input'>>;
  fillCartFromList?: Resolver<ResolversTypes['FillCartFromListResult'], ParentType, ContextType, RequireFields<MutationFillCartFromListArgs, 'list'>>;
  startExperiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType, RequireFields<MutationStartExperimentArgs, 'id'>>;
  stopExperiment?: Resolver<ResolversTypes['Experiment'], ParentType, ContextType, RequireFields<MutationStopExperimentArgs, 'id'>>;
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
  experiment?: Resolver<Maybe<ResolversTypes['Experiment']>, ParentType, ContextType, RequireFields<QueryExperimentArgs, 'id'>>;
  experiments?: Resolver<Array<ResolversTypes['Experiment']>, ParentType, ContextType, Partial<QueryExperimentsArgs>>;
  popular?: Resolver<ResolversTypes['RecommendationList'], ParentType, ContextType, RequireFields<QueryPopularArgs, 'first' | 'strict'>>;
  recommend?: Resolver<ResolversTypes['RecommendationList'], ParentType, ContextType, RequireFields<QueryRecommendArgs, 'context' | 'first' | 'strict'>>;
  recommendationHealth?: Resolver<ResolversTypes['RecommendationHealth'], ParentType, ContextType>;
  trending?: Resolver<ResolversTypes['RecommendationList'], ParentType, ContextType, RequireFields<QueryTrendingArgs, 'first' | 'strict'>>;
}>;

export type RateEstimateResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['RateEstimate'] = ResolversParentTypes['RateEstimate']> = ResolversObject<{
  high?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  successes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trials?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RecommendationHealthResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['RecommendationHealth'] = ResolversParentTypes['RecommendationHealth']> = ResolversObject<{
  basketModelAgeSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  basketModelFittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  consumers?: Resolver<Array<ResolversTypes['EventConsumerHealth']>, ParentType, ContextType>;
  deadLetters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deadLettersByStream?: Resolver<Array<ResolversTypes['StreamDeadLetters']>, ParentType, ContextType>;
  instance?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  interactionsLearned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastInteractionAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  loadedFrom?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modelAgeSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  modelBuiltAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  productsKnown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ready?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shoppersKnown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RecommendationListResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['RecommendationList'] = ResolversParentTypes['RecommendationList']> = ResolversObject<{
  emptyReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type ShoppingListLineResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['ShoppingListLine'] = ResolversParentTypes['ShoppingListLine']> = ResolversObject<{
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  intent?: Resolver<ResolversTypes['Intent'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  read?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StreamDeadLettersResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['StreamDeadLetters'] = ResolversParentTypes['StreamDeadLetters']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type VariantComparisonResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['VariantComparison'] = ResolversParentTypes['VariantComparison']> = ResolversObject<{
  alpha?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  control?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  difference?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['ExperimentMetric'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  relativeLift?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  significant?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  treatment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type VariantFilterResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['VariantFilter'] = ResolversParentTypes['VariantFilter']> = ResolversObject<{
  categoryId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  dietaryTags?: Resolver<Maybe<Array<ResolversTypes['DietaryTag']>>, ParentType, ContextType>;
  excludeIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  inStock?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  maxPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  minPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  minSustainabilityScore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type VariantReportResolvers<ContextType = RecommendationsContext, ParentType extends ResolversParentTypes['VariantReport'] = ResolversParentTypes['VariantReport']> = ResolversObject<{
  addToCartRate?: Resolver<ResolversTypes['RateEstimate'], ParentType, ContextType>;
  clickThroughRate?: Resolver<ResolversTypes['RateEstimate'], ParentType, ContextType>;
  conversionRate?: Resolver<ResolversTypes['RateEstimate'], ParentType, ContextType>;
  impressions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  revenuePerImpression?: Resolver<ResolversTypes['MeanEstimate'], ParentType, ContextType>;
  shoppers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = RecommendationsContext> = ResolversObject<{
  Cart?: CartResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  EventConsumerHealth?: EventConsumerHealthResolvers<ContextType>;
  Experiment?: ExperimentResolvers<ContextType>;
  ExperimentReport?: ExperimentReportResolvers<ContextType>;
  ExperimentVariant?: ExperimentVariantResolvers<ContextType>;
  FillCartFromListResult?: FillCartFromListResultResolvers<ContextType>;
  FilledListItem?: FilledListItemResolvers<ContextType>;
  ImageIntent?: ImageIntentResolvers<ContextType>;
  Intent?: IntentResolvers<ContextType>;
  IntentItem?: IntentItemResolvers<ContextType>;
  IntentItemRecommendations?: IntentItemRecommendationsResolvers<ContextType>;
  MeanEstimate?: MeanEstimateResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Quantity?: QuantityResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RateEstimate?: RateEstimateResolvers<ContextType>;
  RecommendationHealth?: RecommendationHealthResolvers<ContextType>;
  RecommendationList?: RecommendationListResolvers<ContextType>;
  RecommendedItem?: RecommendedItemResolvers<ContextType>;
  Shopper?: ShopperResolvers<ContextType>;
  ShoppingListLine?: ShoppingListLineResolvers<ContextType>;
  StreamDeadLetters?: StreamDeadLettersResolvers<ContextType>;
  VariantComparison?: VariantComparisonResolvers<ContextType>;
  VariantFilter?: VariantFilterResolvers<ContextType>;
  VariantReport?: VariantReportResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = RecommendationsContext> = ResolversObject<{
  requestBodyLimit?: RequestBodyLimitDirectiveResolver<any, any, ContextType>;
}>;
