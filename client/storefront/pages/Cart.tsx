import { useMutation } from '@apollo/client/react';
import { CartDocument, CheckoutDocument, OrdersDocument, RemoveFromCartDocument, UpdateCartItemDocument } from '../../gql/graphql';
import { useCart } from '../cart';
import { ProductImage } from '../components/ProductCard';
import { money } from '../format';
import { Link, navigate } from '../router';

export function Cart() {
  const { data, loading, error } = useCart();
  const [update] = useMutation(UpdateCartItemDocument);
  const [remove] = useMutation(RemoveFromCartDocument);
  const [checkout, checkoutState] = useMutation(CheckoutDocument, { refetchQueries: [OrdersDocument, CartDocument] });
  if (loading && !data) return <p aria-busy="true">Loading your cart…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  const cart = data?.cart;
  if (!cart) return null;
  return (
    <section aria-labelledby="cart-title" className="cart">
      <h1 id="cart-title">Your cart</h1>
      {cart.items.length === 0 && (
        <p>
          Your cart is empty. <Link href="/">Browse the shop</Link>.
        </p>
      )}
      <ul className="lines">
        {cart.items.map((item) => (
          <li key={item.product.id} className="line">
            <ProductImage product={item.product} size={48} />
            <Link href={`/product/${item.product.id}`}>{item.product.name}</Link>
            <label>
              <span className="visually-hidden">Quantity of {item.product.name}</span>
              <input
                type="number"
                min={1}
                max={999}
                defaultValue={item.quantity}
                key={`${item.product.id}-${item.quantity}`}
                onBlur={(e) => {
                  const quantity = Number(e.currentTarget.value);
                  if (quantity !== item.quantity && quantity >= 1) void update({ variables: { productId: item.product.id, quantity } }).catch(() => undefined);
                }}
              />
            </label>
            <span>{money(item.lineTotal, cart.currency)}</span>
            <button type="button" onClick={() => void remove({ variables: { productId: item.product.id } }).catch(() => undefined)} aria-label={`Remove ${item.product.name}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <dt>Subtotal</dt>
        <dd>{money(cart.subtotal, cart.currency)}</dd>
        <dt>Discounts</dt>
        <dd>−{money(cart.discount, cart.currency)}</dd>
        <dt>Total</dt>
        <dd>
          <strong>{money(cart.total, cart.currency)}</strong>
        </dd>
      </dl>
      {checkoutState.error && <p role="alert">{checkoutState.error.message}</p>}
      <button
        type="button"
        className="primary"
        disabled={cart.items.length === 0 || checkoutState.loading}
        onClick={() =>
          void checkout()
            .then(({ data: placed }) => placed && navigate(`/orders?placed=${placed.checkout.id}`))
            .catch(() => undefined)
        }
      >
        {checkoutState.loading ? 'Placing the order…' : 'Check out'}
      </button>
    </section>
  );
}
