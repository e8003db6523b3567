import { Prisma } from '../../../prisma/generated/client/client';

export type Decimal = Prisma.Decimal;
export const Decimal = Prisma.Decimal;

const HUNDRED = new Decimal(100);

/** Price minus the discount, rounded half-up to cents: what the shopper pays. */
export function effectivePrice(price: Decimal, discountPercent: Decimal | null): Decimal {
  if (!discountPercent || discountPercent.isZero()) return price;
  return price.mul(HUNDRED.sub(discountPercent)).div(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Money off the regular price; derived from the rounded effective price so the two always add up. */
export function discountAmount(price: Decimal, discountPercent: Decimal | null): Decimal {
  return price.sub(effectivePrice(price, discountPercent));
}

export function hasDiscount(discountPercent: Decimal | null): discountPercent is Decimal {
  return discountPercent !== null && !discountPercent.isZero();
}

/** Money on the wire: always two decimals ("3.50"). */
export function formatMoney(amount: Decimal): string {
  return amount.toFixed(2);
}
