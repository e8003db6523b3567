import { useSubscription } from '@apollo/client/react';
import { type FormEvent } from 'react';
import { CartSuggestionsDocument } from '../gql/graphql';
import { useCart } from './cart';
import { BudgetBar } from './components/BudgetBar';
import { RecommendationPanel } from './components/RecommendationPanel';
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

/**
 * The cart's budget and suggestions, on every page. The CartSuggestions
 * subscription pushes the cart after every change; Apollo's cache stores it
 * under the same Cart id, so this (and the header's count) re-render.
 */
function CartAside() {
  const { data } = useCart();
  useSubscription(CartSuggestionsDocument);
  const cart = data?.cart;
  return (
    <aside aria-label="Your cart" className="aside">
      <BudgetBar cart={cart} />
      <RecommendationPanel title="Suggested for your cart" name="cart-suggestions" list={cart?.suggestions} version={cart?.version} />
    </aside>
  );
}

export function App() {
  const route = useRoute();
  const { data } = useCart();
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
        <nav aria-label="Main">
          <Link href="/">Browse</Link>
          <Link href="/preferences">Preferences</Link>
          <Link href="/orders">Orders</Link>
          <Link href="/cart" aria-label={`Cart, ${data?.cart.itemCount ?? 0} items`}>
            Cart ({data?.cart.itemCount ?? 0})
          </Link>
        </nav>
      </header>
      <div className="layout">
        <main id="main">
          <Page route={route} />
        </main>
        <CartAside />
      </div>
    </>
  );
}
