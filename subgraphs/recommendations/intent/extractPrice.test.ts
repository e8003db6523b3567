import { extractPrice } from './extractPrice';

const limits = (text: string) => {
  const { minCents, maxCents } = extractPrice(text);
  return { min: minCents, max: maxCents };
};

describe('extractPrice', () => {
  it.each([
    ['under $5', 500], ['under 5$', 500], ['below €5', 500], ['below 5 euros', 500], ['max 5 eur', 500],
    ['less than 5 dollars', 500], ['up to £4.50', 450], ['up to 5.99', 599], ['up to 5,99', 599],
    ['at most 4', 400], ['no more than 5 bucks', 500], ['under 99p', 99], ['under 150 cents', 150],
    ['max 1,250.50', 125050], ['under5€', 500], ['$5', 500], ['for £4.50', 450], ['2.99', 299], ['usd 3', 300],
  ])('reads %j as a ceiling of %i cents', (text, cents) => {
    expect(limits(text)).toEqual({ min: null, max: cents });
  });

  it.each([
    ['over 3', 300], ['more than €2', 200], ['at least 4', 400], ['from $10', 1000], ['min 2.5', 250],
  ])('reads %j as a floor of %i cents', (text, cents) => {
    expect(limits(text)).toEqual({ min: cents, max: null });
  });

  it.each([
    ['between 2 and 5', 200, 500], ['between 5 and 2 euros', 200, 500], ['from 3 to 7', 300, 700],
    ['€2-€4', 200, 400], ['2 to 4 dollars', 200, 400], ['over 3 and under 8', 300, 800],
  ])('reads %j as a range', (text, min, max) => {
    expect(limits(text)).toEqual({ min, max });
  });

  it('keeps the tightest limits when several are given', () => {
    expect(limits('under $10, actually under $6, at least 1 and over 2')).toEqual({ min: 200, max: 600 });
  });

  it.each([
    '2 litres of milk', '6 pack', 'under 500g', 'less than 2 kg', 'up to 4 people', 'more than 3 apples',
    'between 2 and 5 kg', '5 pounds of potatoes', '100% juice', '2-4 bottles', 'table for 2', 'aisle 5',
    'within 5 km', 'open till 9.30pm', 'vitamin b12', '7up',
  ])('ignores the quantity in %j', (text) => {
    expect(limits(text)).toEqual({ min: null, max: null });
  });

  it('removes the price phrase from the text it hands on', () => {
    const { rest, words } = extractPrice('Vegan snacks under $5 near me');
    expect(rest).not.toMatch(/under|5|\$/);
    expect(rest).toMatch(/^vegan snacks .* near me$/);
    expect(words).toBe(1);
  });
});
