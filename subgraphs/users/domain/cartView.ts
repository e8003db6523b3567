import type { CartState } from '../data/cartRepository';
import { budgetStatus, type BudgetStatus } from './budget';
import { DEFAULT_CURRENCY, Decimal, formatMoney, ZERO } from './money';

export interface CartItemView {
  productId: string;
  quantity: number;
  unitPrice: string;
  listPrice: string;
  lineTotal: string;
  sustainabilityScore: number | null;
  addedAt: string;
}

/**
 * A cart as the API shows it, computed once. Plain JSON on purpose: it is
 * also what an idempotency record stores and replays.
 */
export interface CartView {
  id: string;
  shopperId: string;
  version: number;
  currency: string;
  items: CartItemView[];
  itemCount: number;
  subtotal: string;
  discount: string;
  total: string;
  budget: { limit: string | null; status: BudgetStatus; remaining: string | null };
  sustainabilityScore: number | null;
  updatedAt: string;
}

export function cartView(state: CartState): CartView {
  let subtotal = ZERO;
  let total = ZERO;
  let itemCount = 0;
  let scoreSum = 0;
  let scoredUnits = 0;
  const items = state.items.map((item): CartItemView => {
    const lineTotal = item.unitPrice.mul(item.quantity);
    subtotal = subtotal.add(item.listPrice.mul(item.quantity));
    total = total.add(lineTotal);
    itemCount += item.quantity;
    if (item.sustainabilityScore !== null) {
      scoreSum += item.sustainabilityScore * item.quantity;
      scoredUnits += item.quantity;
    }
    return {
      productId: item.productId,
      quantity: item.quantity,
      unitPrice: formatMoney(item.unitPrice),
      listPrice: formatMoney(item.listPrice),
      lineTotal: formatMoney(lineTotal),
      sustainabilityScore: item.sustainabilityScore,
      addedAt: item.addedAt.toISOString(),
    };
  });
  const limit = state.budgetLimit;
  return {
    id: state.id,
    shopperId: state.shopperId,
    version: state.version,
    currency: state.items[0]?.currency ?? DEFAULT_CURRENCY,
    items,
    itemCount,
    subtotal: formatMoney(subtotal),
    // A list price below the price paid (a stale snapshot) must not show as a negative discount.
    discount: formatMoney(Decimal.max(subtotal.sub(total), ZERO)),
    total: formatMoney(total),
    budget: {
      limit: limit === null ? null : formatMoney(limit),
      status: budgetStatus(total, limit),
      remaining: limit === null ? null : formatMoney(limit.sub(total)),
    },
    sustainabilityScore: scoredUnits === 0 ? null : Math.round((scoreSum / scoredUnits) * 10) / 10,
    updatedAt: state.updatedAt.toISOString(),
  };
}
