import type { ProductKind } from '../generated/resolvers-types';
import { detectProductKind } from './detectProductKind';

describe('detectProductKind', () => {
  const cases: [sku: string, name: string, kind: ProductKind][] = [
    // Order-export charge codes, whatever their name says.
    ['POST', 'POSTAGE', 'FEE'],
    ['post', 'Postage', 'FEE'],
    ['DOT', 'DOTCOM POSTAGE', 'FEE'],
    ['C2', 'CARRIAGE', 'FEE'],
    ['M', 'Manual', 'FEE'],
    ['BANK CHARGES', 'Bank Charges', 'FEE'],
    ['BANK-CHARGES', 'Bank Charges', 'FEE'],
    ['AMAZONFEE', 'AMAZON FEE', 'FEE'],
    // Names, for any SKU.
    ['groceries-postage', 'postage', 'FEE'],
    ['x-1', 'Delivery charge', 'FEE'],
    ['x-2', 'Carriage charge', 'FEE'],
    ['x-3', 'Carrier bag', 'FEE'],
    ['x-4', 'Bag charge', 'FEE'],
    ['groceries-shopping-bags', 'shopping bags', 'FEE'],
    ['x-5', 'Bottle deposit', 'DEPOSIT'],
    ['x-6', 'Deposit 0.25', 'DEPOSIT'],
    ['x-7', 'Pfand Mehrweg', 'DEPOSIT'],
    ['x-8', 'Gift card 25 EUR', 'GIFT_CARD'],
    ['x-9', 'E-gift voucher', 'GIFT_CARD'],
    ['x-10', 'Service charge 10%', 'SERVICE'],
    // Goods whose names come close: they stay merchandise.
    ['x-11', 'Baby carriage', 'MERCHANDISE'],
    ['x-12', 'Jute shopping bag', 'MERCHANDISE'],
    ['x-13', 'Freezer bags 50 pack', 'MERCHANDISE'],
    ['x-14', 'Limescale deposit remover 500 ml', 'MERCHANDISE'],
    ['x-15', 'Gift card holder', 'MERCHANDISE'],
    ['x-16', 'Postage stamp album', 'MERCHANDISE'],
    ['x-17', 'Coffee beans 1 kg', 'MERCHANDISE'],
    ['MUG', 'Manual coffee grinder', 'MERCHANDISE'],
    ['POSTER', 'Vintage poster', 'MERCHANDISE'],
    ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 'MERCHANDISE'],
  ];

  it.each(cases)('%s "%s" is %s', (sku, name, kind) => {
    expect(detectProductKind(sku, name)).toBe(kind);
  });
});
