import { availability } from './availability';
import { Decimal, discountAmount, effectivePrice, formatMoney, hasDiscount } from './pricing';

const d = (value: string) => new Decimal(value);

describe('effective price', () => {
  it('is the regular price without a discount', () => {
    expect(formatMoney(effectivePrice(d('3.49'), null))).toBe('3.49');
    expect(formatMoney(effectivePrice(d('3.49'), d('0')))).toBe('3.49');
  });

  it('subtracts the percentage and rounds half-up to cents', () => {
    expect(formatMoney(effectivePrice(d('10.00'), d('15')))).toBe('8.50');
    // 2.50 × 0.9 = 2.25 exactly; 1.99 × 0.75 = 1.4925 → 1.49; 0.05 × 0.5 = 0.025 → 0.03 (half-up, not banker's)
    expect(formatMoney(effectivePrice(d('2.50'), d('10')))).toBe('2.25');
    expect(formatMoney(effectivePrice(d('1.99'), d('25')))).toBe('1.49');
    expect(formatMoney(effectivePrice(d('0.05'), d('50')))).toBe('0.03');
    expect(formatMoney(effectivePrice(d('0.45'), d('50')))).toBe('0.23');
    expect(formatMoney(effectivePrice(d('9.99'), d('33.33')))).toBe('6.66');
  });

  it('is zero at 100 % off and never negative', () => {
    expect(formatMoney(effectivePrice(d('4.20'), d('100')))).toBe('0.00');
  });

  it('gives a discount amount that adds up with the effective price', () => {
    for (const [price, percent] of [['1.99', '25'], ['0.05', '50'], ['9.99', '33.33'], ['123.45', '12.5']] as const) {
      const sum = effectivePrice(d(price), d(percent)).add(discountAmount(d(price), d(percent)));
      expect(formatMoney(sum)).toBe(price);
    }
    expect(formatMoney(discountAmount(d('0.05'), d('50')))).toBe('0.02');
  });

  it('knows when there is a discount', () => {
    expect(hasDiscount(null)).toBe(false);
    expect(hasDiscount(d('0'))).toBe(false);
    expect(hasDiscount(d('0.5'))).toBe(true);
  });
});

describe('availability', () => {
  it('follows stock and archiving', () => {
    expect(availability(100, null)).toBe('IN_STOCK');
    expect(availability(6, null)).toBe('IN_STOCK');
    expect(availability(5, null)).toBe('LOW_STOCK');
    expect(availability(1, null)).toBe('LOW_STOCK');
    expect(availability(0, null)).toBe('OUT_OF_STOCK');
    expect(availability(100, new Date())).toBe('ARCHIVED');
  });
});
