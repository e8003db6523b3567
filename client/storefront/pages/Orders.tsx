import { useQuery } from '@apollo/client/react';
import { OrdersDocument } from '../../gql/graphql';
import { money } from '../format';

export function Orders({ placed }: { placed: string | null }) {
  const { data, loading, error } = useQuery(OrdersDocument, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <p aria-busy="true">Loading your orders…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  const orders = data?.orders.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Your orders</h1>
      {placed && (
        <p role="status" className="notice">
          Thank you: your order is placed.
        </p>
      )}
      {orders.length === 0 && <p>No orders yet.</p>}
      <ul className="orders">
        {orders.map((order) => (
          <li key={order.id} data-order-id={order.id}>
            <h2>
              {new Date(order.createdAt).toLocaleString()} · {money(order.total, order.currency)}
            </h2>
            <ul>
              {order.items.map((item) => (
                <li key={item.product.id}>
                  {item.quantity} × {item.product.name} ({money(item.lineTotal, order.currency)})
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
