import type { DecimalString } from '../../platform/events/topics';

/** What the bridge republishes on `cart:<cartId>`: enough to know what changed, never the cart itself. */
export type CartSignal =
  | { kind: 'updated'; cartId: string; shopperId: string; version: number }
  | {
      kind: 'budget_alert';
      cartId: string;
      shopperId: string;
      status: 'NEAR' | 'OVER';
      total: DecimalString;
      budgetLimit: DecimalString;
    };

export const cartChannel = (cartId: string): string => `cart:${cartId}`;

export function isCartSignal(message: unknown): message is CartSignal {
  if (typeof message !== 'object' || message === null) return false;
  const { kind, cartId } = message as Partial<CartSignal>;
  return (kind === 'updated' || kind === 'budget_alert') && typeof cartId === 'string';
}
