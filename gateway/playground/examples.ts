/**
 * The operations the playground opens with: one tab per main journey of a
 * shopping app. Each must be valid against the gateway's schema
 * (examples.test.ts checks them against gateway/supergraph.graphql).
 */
export interface ExampleTab {
  /** What the tab shows; also the first line of its operation. */
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** Whole milk 1 L in the demo catalog: demo ids are derived from product names, so stable. */
export const DEMO_PRODUCT_ID = 'eb9b53a3-3af7-49fa-841a-61c9bcf4432d';

/** The session header every tab starts with; the session tab explains where its value comes from. */
export const SESSION_HEADER = 'x-session-token';

export const EXAMPLE_TABS: ExampleTab[] = [
  {
    title: 'Search',
    query: `# Search: free text plus filters, sorted, with cursor paging (pass endCursor as $after for the next page)
query Search($text: String!, $after: String) {
  products(filter: { text: $text, inStock: true }, sort: PRICE_ASC, first: 5, after: $after) {
    totalCount
    edges {
      node { id name effectivePrice currency dietaryTags }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    variables: { text: 'milk' },
  },
  {
    title: 'Product page',
    query: `# Product page: the product from the products subgraph, "similar" and
# "frequently bought together" from the recommendations subgraph, joined by the gateway
query ProductPage($id: ID!) {
  product(id: $id) {
    name
    price
    effectivePrice
    category { name }
    similar(first: 3) { id name price }
    frequentlyBoughtTogether(first: 3) {
      servedBy
      items {
        product { id name effectivePrice }
        reason
      }
    }
  }
}
`,
    variables: { id: DEMO_PRODUCT_ID },
  },
  {
    title: 'Session and cart',
    query: `# A session, a cart and its live suggestions.
# 1. Run StartSession: its token goes into the x-session-token header (Headers, below).
# 2. Run CartSuggestions: it answers with the cart now and again after every change.
# 3. Run AddToCart (in a new tab with the same header, or from your app): the subscription shows the new cart.
mutation StartSession {
  startSession { token }
}

subscription CartSuggestions {
  cartSuggestions {
    cart {
      version
      itemCount
      total
      items { quantity product { name } }
      suggestions(first: 3) {
        items { product { name effectivePrice } reason }
      }
    }
  }
}

mutation AddToCart($productId: ID!) {
  addToCart(productId: $productId, quantity: 1) { version itemCount total }
}

# 4. Or fill the cart from a shopping list: the best match per item, within the shopper's diet and budget.
mutation FillCartFromList($list: String!) {
  fillCartFromList(list: { text: $list }) {
    added
    items { text status quantity reason product { name } }
    cart { itemCount total }
  }
}
`,
    variables: { productId: DEMO_PRODUCT_ID, list: '2 x oat drink\n1 kg spaghetti\nmature cheddar' },
  },
  {
    title: 'Free text',
    query: `# Free text: the request is understood as filters (intent) and answered
query FreeText($text: String!) {
  recommend(context: { text: $text }, first: 3) {
    servedBy
    intent { maxPrice dietaryTags }
    items {
      product { name effectivePrice }
      reason
    }
  }
}
`,
    variables: { text: 'cheap vegan snacks under $5' },
  },
];

/** The headers editor's starting text: the session header, empty until a session is started. */
export function defaultHeaders(): string {
  return JSON.stringify({ [SESSION_HEADER]: '' }, null, 2);
}
