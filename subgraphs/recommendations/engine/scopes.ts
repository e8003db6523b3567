// What a served list depends on, named so that the engine can say which
// scopes an event changed and the cache can drop exactly the lists that
// depend on them. Anything a list depends on outside its scopes (popularity,
// how often each item sells overall) drifts slowly and is bounded by the
// cache's lifetime instead.

export const Scopes = {
  /** A product's catalog facts (price, stock, category, archived). */
  product: (productId: string) => `p:${productId}`,
  /** Which products were bought with this one (co-purchase counts). */
  boughtWith: (productId: string) => `fbt:${productId}`,
  /** Which products the same shoppers engaged with (co-engagement counts). */
  engagedWith: (productId: string) => `sim:${productId}`,
  /** A product's content neighbours (contentNeighbourIndex.ts). */
  contentNeighbours: (productId: string) => `like:${productId}`,
  /** Which products are in a category. */
  category: (categoryId: string) => `cat:${categoryId}`,
  /** A shopper's own history. */
  shopper: (shopperId: string) => `s:${shopperId}`,
  /** Store locations and what they stock. */
  stores: 'stores',
  /** The fitted basket model (moves on every refit). */
  model: 'model',
} as const;
