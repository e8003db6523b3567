import { useSubscription } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CartSuggestionsDocument, type CartSuggestionsSubscription } from '../gql/graphql';
import { usePreferencesGeneration } from './preferencesGeneration';
import { useCart } from './cart';
import { BudgetBar } from './components/BudgetBar';
import { RecommendationPanel } from './components/RecommendationPanel';
import { ScanBarcode } from './components/ScanBarcode';
import { ShoppingList } from './components/ShoppingList';
import { Browse } from './pages/Browse';
import { Cart } from './pages/Cart';
import { Orders } from './pages/Orders';
import { Preferences } from './pages/Preferences';
import { Product } from './pages/Product';
import { Search } from './pages/Search';
import { Link, navigate, useRoute, type Route } from './router';

function Page({ route }: { route: Route }) {
  const product = /^\/product\/([^/]+)$/.exec(route.path);
  if (product) return <Product id={decodeURIComponent(product[1]!)} />;
  switch (route.path) {
    case '/':
      return <Browse />;
    case '/search':
      return <Search params={route.params} />;
    case '/cart':
      return <Cart />;
    case '/preferences':
      return <Preferences />;
    case '/orders':
      return <Orders placed={route.params.get('placed')} />;
    default:
      return (
        <p role="alert">
          There is no such page. <Link href="/">Browse the shop</Link>.
        </p>
      );
  }
}

type LiveCart = NonNullable<CartSuggestionsSubscription['cartSuggestions']['cart']>;

/** The subscription alone; remounted (a new subscription, whose first push is the cart as it is now) when the preferences change. */
function CartPushes({ onPush }: { onPush: (cart: LiveCart) => void }) {
  // Not written to the cache: an older push arriving after a newer mutation answer must not roll the cart back.
  useSubscription(CartSuggestionsDocument, { fetchPolicy: 'no-cache', onData: ({ data }) => data.data && onPush(data.data.cartSuggestions.cart) });
  return null;
}

/**
 * The cart's budget and suggestions, on every page. The gateway pushes the
 * cart with fresh suggestions after every change (CartSuggestions). The
 * budget bar (in the sticky header) shows the newest cart known, a
 * mutation's answer or a push; the panel the newest push's suggestions and
 * the cart version they were made for (`data-version`), the ones loaded with
 * the cart until the first push.
 */
function useLiveCart() {
  const { data } = useCart();
  const [pushed, setPushed] = useState<LiveCart>();
  const cart = data?.cart;
  const newest = pushed && (!cart || pushed.version > cart.version) ? pushed : cart;
  return { newest, suggested: pushed ?? cart, onPush: setPushed };
}

export function App() {
  const route = useRoute();
  const { newest, suggested, onPush } = useLiveCart();
  const generation = usePreferencesGeneration();
  const count = newest?.itemCount ?? 0;
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    navigate(text ? `/search?q=${encodeURIComponent(text)}` : '/search');
  };
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          SmartCart
        </Link>
        <form role="search" onSubmit={search} className="search-box" key={route.params.get('q') ?? ''}>
          <label htmlFor="search-text" className="visually-hidden">
            Search products
          </label>
          <input id="search-text" name="q" type="search" placeholder="Search products" defaultValue={route.params.get('q') ?? ''} />
          <button type="submit">Search</button>
        </form>
        <ScanBarcode />
        <ShoppingList />
        <nav aria-label="Main">
          <Link href="/">Browse</Link>
          <Link href="/preferences">Preferences</Link>
          <Link href="/orders">Orders</Link>
          <Link href="/cart" aria-label={`Cart, ${count} ${count === 1 ? 'item' : 'items'}`}>
            Cart ({count})
          </Link>
        </nav>
        <BudgetBar cart={newest} />
      </header>
      <CartPushes key={generation} onPush={onPush} />
      <div className="layout">
        <main id="main">
          <Page route={route} />
        </main>
        <aside aria-label="Your cart" className="aside">
          <RecommendationPanel title="Suggested for your cart" name="cart-suggestions" list={suggested?.suggestions} version={suggested?.version} />
        </aside>
      </div>
    </>
  );
}
