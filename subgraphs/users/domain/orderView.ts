import type { Order, OrderItem } from '../../../prisma/generated/client/client';
import { formatMoney } from './money';

export interface OrderItemView {
  productId: string;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
}

/** An order as the API shows it; plain JSON, so a checkout can be replayed from its idempotency record. */
export interface OrderView {
  id: string;
  status: 'PLACED';
  currency: string;
  items: OrderItemView[];
  itemCount: number;
  subtotal: string;
  discount: string;
  total: string;
  createdAt: string;
}

export function orderView(order: Order & { items: OrderItem[] }): OrderView {
  const items = [...order.items]
    .sort((a, b) => a.productId.localeCompare(b.productId))
    .map((item) => ({
      productId: item.productId,
      quantity: item.quantity,
      unitPrice: formatMoney(item.unitPrice),
      lineTotal: formatMoney(item.unitPrice.mul(item.quantity)),
    }));
  return {
    id: order.id,
    // The only status an order can have yet; the column leaves room for more.
    status: order.status as OrderView['status'],
    currency: order.currency,
    items,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    subtotal: formatMoney(order.subtotal),
    discount: formatMoney(order.discount),
    total: formatMoney(order.total),
    createdAt: order.createdAt.toISOString(),
  };
}
