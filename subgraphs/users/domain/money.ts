import { Prisma } from '../../../prisma/generated/client/client';

export type Decimal = Prisma.Decimal;
export const Decimal = Prisma.Decimal;

export const ZERO = new Decimal(0);

/** A cart with nothing in it yet has no currency of its own; the catalog's default is EUR. */
export const DEFAULT_CURRENCY = 'EUR';

/** Money on the wire: always two decimals ("3.50"), as the products subgraph sends it. */
export function formatMoney(amount: Decimal): string {
  return amount.toFixed(2);
}
