import { fromCents } from './money';

/**
 * The sentences shown beside recommended items. Each states the evidence
 * that put the item there (a share of baskets, a rise in interest, the
 * shopper's own diet and budget), never a claim the engine cannot back:
 * a shop with no activity yet does not call anything "popular".
 */

const CURRENCY_SYMBOL: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

export function formatMoney(cents: number, currency: string): string {
  const symbol = CURRENCY_SYMBOL[currency];
  return symbol ? `${symbol}${fromCents(cents)}` : `${fromCents(cents)} ${currency}`;
}

/** "31%", "<1%": a share of baskets as a shopper reads it. */
export function percent(share: number): string {
  const value = Math.round(Math.max(0, Math.min(1, share)) * 100);
  return value === 0 && share > 0 ? '<1%' : `${value}%`;
}

/** From basket counts: `together` of the `anchorBaskets` baskets holding the anchor also held the item. */
export function boughtWith(anchorName: string, together: number, anchorBaskets: number): string {
  return `Bought with ${anchorName} in ${percent(together / Math.max(1, anchorBaskets))} of its baskets`;
}

/** Why an item fits the shopper, appended to the evidence: diet and what the budget keeps. */
export function fitsShopper(dietaryRestrictions: readonly string[], remainingBudgetCents: number | null, priceCents: number, currency: string): string[] {
  const parts: string[] = [];
  if (dietaryRestrictions.length > 0) parts.push(`matches your ${dietaryRestrictions.map(dietWord).join(', ')} diet`);
  if (remainingBudgetCents !== null) parts.push(`leaves ${formatMoney(Math.max(0, remainingBudgetCents - priceCents), currency)} of your budget`);
  return parts;
}

/** Evidence first, then the shopper's fit: "Bought with … in 31% of its baskets; matches your vegan diet". */
export function joinReason(evidence: string, fit: readonly string[]): string {
  if (fit.length === 0) return evidence;
  return [evidence, ...fit].join('; ');
}

/** The reason for a capitalised fit alone ("Matches your vegan diet; leaves €0.40 of your budget"). */
export function fitOnly(fit: readonly string[], otherwise: string): string {
  if (fit.length === 0) return otherwise;
  const [first, ...rest] = fit;
  return [first!.charAt(0).toUpperCase() + first!.slice(1), ...rest].join('; ');
}

/** Popularity with evidence behind it, or an honest "no activity yet". */
export function popularReason(active: boolean, scope: 'shop' | 'category' | 'aisle', aisleOf?: string): string {
  if (!active) return scope === 'aisle' && aisleOf ? `From the same aisle as ${aisleOf} (no shopper activity yet)` : 'From the catalog (no shopper activity yet)';
  if (scope === 'aisle') return aisleOf ? `Popular in the aisle of ${aisleOf} over the last two weeks` : 'Popular in the same aisle over the last two weeks';
  return scope === 'category' ? 'Popular in this category over the last two weeks' : 'Popular with shoppers over the last two weeks';
}

/** `rising`: interest over the last hours divided by the usual daily rate. */
export function trendingReason(rising: number): string {
  return rising >= 1.95 ? `Trending: ${Math.round(rising)}× its usual interest in the last hours` : 'Trending: more interest than usual in the last hours';
}

function dietWord(tag: string): string {
  return tag.toLowerCase().replace(/_/g, '-');
}
