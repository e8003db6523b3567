import { seededRandom } from '../../platform/seededRandom';
import type { BenchFixtures } from './benchData';

// The API benchmark's scenarios: what a shop's pages ask the graph for. Each
// has a one-id variant (every request the same: the best case for caches and
// de-duplication) and a rotating variant (ids cycle through a pool).

export interface BenchRequest {
  body: string;
  headers: Record<string, string>;
  /** A write: its answer changes with every call, so it is not compared across gateways. */
  write?: boolean;
}

export type Variant = 'one id' | 'rotating';

export interface Scenario {
  name: string;
  /** Whether the products subgraph alone can answer it (then it is also sent there directly). */
  productsOnly: boolean;
  requests(fixtures: BenchFixtures, variant: Variant): BenchRequest[];
}

const ROTATING = 200;

const json = (query: string, variables: Record<string, unknown>, token?: string): BenchRequest => ({
  body: JSON.stringify({ query, variables }),
  headers: { 'content-type': 'application/json', ...(token ? { 'x-session-token': token } : {}) },
});

/** `count` items spread over the whole list (not just its head: the synthetic shop's popularity falls with the index). */
function spread<T>(items: readonly T[], count: number): T[] {
  return Array.from({ length: Math.min(count, items.length) }, (_, i) => items[Math.floor((i * items.length) / Math.min(count, items.length))]!);
}

const pool = <T>(items: readonly T[], variant: Variant): T[] => (variant === 'one id' ? [items[0]!] : spread(items, ROTATING));

const PRODUCT = `query ProductById($id: ID!) { product(id: $id) { id name price effectivePrice currency stockQuantity } }`;
const PRODUCT_PAGE = `query ProductPage($id: ID!) {
  product(id: $id) {
    id name price
    similar(first: 10) { id name price }
    frequentlyBoughtTogether(first: 5) { items { product { id name price } } }
  }
}`;
const SEARCH = `query SearchPage($filter: ProductFilter) {
  products(filter: $filter, sort: PRICE_ASC, first: 20) { totalCount edges { node { id name price effectivePrice } } pageInfo { hasNextPage endCursor } }
}`;
const HOME = `query ShopperHome { me { id recommendations(first: 20) { items { product { id name price } } } } }`;
const CART = `query CartPage {
  cart { id itemCount total items { quantity unitPrice product { id name price } } suggestions(first: 10) { items { product { id name price } } } }
}`;
const ADD_TO_CART = `mutation AddToCart($productId: ID!) { addToCart(productId: $productId, quantity: 1) { id itemCount } }`;
const TRACK = `mutation Track($productId: ID!) { trackEvent(input: { type: VIEW, productId: $productId }) { id type } }`;

const WORDS = ['fresh', 'organic', 'classic', 'light', 'family'];

function searchFilters(fixtures: BenchFixtures, variant: Variant): Record<string, unknown>[] {
  const filters = fixtures.categoryIds.flatMap((categoryId, c) =>
    WORDS.map((text, w) => ({ text, categoryId, maxPrice: String(5 + ((c + w) % 10)), inStock: true })),
  );
  return pool(filters, variant);
}

export const scenarios: Scenario[] = [
  { name: 'product by id', productsOnly: true, requests: (f, v) => pool(f.productIds, v).map((id) => json(PRODUCT, { id })) },
  { name: 'product page', productsOnly: false, requests: (f, v) => pool(f.productIds, v).map((id) => json(PRODUCT_PAGE, { id })) },
  { name: 'search page', productsOnly: true, requests: (f, v) => searchFilters(f, v).map((filter) => json(SEARCH, { filter })) },
  { name: 'shopper home', productsOnly: false, requests: (f, v) => pool(f.shopperTokens, v).map((token) => json(HOME, {}, token)) },
  { name: 'cart page', productsOnly: false, requests: (f, v) => pool(f.shopperTokens, v).map((token) => json(CART, {}, token)) },
  {
    name: 'mixed, 5% writes',
    productsOnly: false,
    requests(fixtures, variant) {
      const reads = scenarios.slice(0, 5).map((scenario) => scenario.requests(fixtures, variant));
      const random = seededRandom(`mixed-${variant}`);
      // In stock, and enough of it: a write refused for stock would count as an error.
      const writeProducts = spread(fixtures.stockedProductIds, 500);
      return Array.from({ length: 2000 }, (_, i) => {
        if (i % 20 === 19) {
          const token = fixtures.writerTokens[Math.floor(i / 20) % fixtures.writerTokens.length]!;
          const productId = variant === 'one id' ? writeProducts[0]! : writeProducts[Math.floor(random() * writeProducts.length)]!;
          return { ...json(i % 40 === 39 ? ADD_TO_CART : TRACK, { productId }, token), write: true };
        }
        // Reads in a shop's proportions: product pages and searches most, carts least.
        const weights = [0.2, 0.35, 0.25, 0.12, 0.08];
        let r = random();
        let kind = 0;
        while (kind < weights.length - 1 && (r -= weights[kind]!) > 0) kind++;
        const list = reads[kind]!;
        return list[Math.floor(random() * list.length)]!;
      });
    },
  },
];
