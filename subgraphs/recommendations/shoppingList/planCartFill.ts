import type { ShopperContext } from '../engine/constraints';
import { wordStem } from '../engine/wordStem';
import { unitsToBuy } from './unitsToBuy';
import { detectIntent } from '../intent/detectIntent';
import type { Intent, IntentItem, IntentVocabulary } from '../intent/intent';
import { matchListItem, type ListEngine } from './matchListItem';

/** Who the list is for: the diet is obeyed strictly, the budget bounds what is added in all. */
export interface ListShopper {
  dietaryRestrictions: readonly string[];
  sustainability: ShopperContext['sustainability'];
  /** Money left under the budget limit, after what the cart holds; null without a budget. */
  remainingBudgetCents: number | null;
}

export type PlannedItemStatus = 'ADDED' | 'NO_MATCH' | 'NOT_IN_DIET' | 'OVER_BUDGET';

/** One item of the list and what becomes of it. */
export interface PlannedItem {
  text: string;
  item: IntentItem | null;
  status: PlannedItemStatus;
  /** ADDED: the product to add; NOT_IN_DIET / OVER_BUDGET: the best match, not added. */
  productId: string | null;
  /** The match's recommendation id, sent with the cart line (attribution). */
  recommendationId: string | null;
  quantity: number;
  confidence: number;
  reason: string;
}

/** Candidates looked at per item: the best match that fits the budget is often not the first. */
const CANDIDATES = 10;

/** One line of a list: typed (certain) or read from a photo, with the text recognition's confidence in it. */
export interface ListLineInput {
  text: string;
  /** 0–1; 1 for typed text. */
  readConfidence?: number;
}

/** A typed or pasted list's lines: newlines, or `;`. */
export function linesOf(text: string): ListLineInput[] {
  return text.split(/\r?\n|;/).map((line) => ({ text: line }));
}

/**
 * Picks a product for each item of a shopping list, in the list's order,
 * spending the remaining budget as it goes: of the item's matches
 * (matchListItem.ts), the best that obeys the diet and fits what is left.
 * Pure over the engine's current state; nothing is written.
 */
export function planCartFill(lines: readonly ListLineInput[], engine: ListEngine, vocabulary: IntentVocabulary, shopper: ListShopper): PlannedItem[] {
  const items: PlannedItem[] = [];
  let remaining = shopper.remainingBudgetCents;
  for (const line of lines) {
    if (!/[\p{L}\p{N}]/u.test(line.text)) continue;
    const intent = detectIntent(line.text, vocabulary);
    if (intent.items.length === 0) {
      items.push(unmatched(line.text.trim(), null, 'Names no product', 0));
      continue;
    }
    for (const item of intent.items) {
      const planned = matchItem(item, intent, engine, shopper, remaining);
      planned.confidence = Math.round(planned.confidence * (line.readConfidence ?? 1) * 100) / 100;
      if (planned.status === 'ADDED' && remaining !== null) remaining -= priceOf(engine, planned.productId!) * planned.quantity;
      items.push(planned);
    }
  }
  return items;
}

function matchItem(item: IntentItem, intent: Intent, engine: ListEngine, shopper: ListShopper, remaining: number | null): PlannedItem {
  if (item.keywords.length === 0) return unmatched(item.text, item, 'Names no product', 0);
  const search = (diet: readonly string[]) => matchListItem(engine, intent, item, { first: CANDIDATES, diet, sustainability: shopper.sustainability }).items;
  const candidates = search(shopper.dietaryRestrictions);
  const words = `“${item.text}”`;
  if (candidates.length === 0) {
    const outsideDiet = shopper.dietaryRestrictions.length > 0 ? search([])[0] : undefined;
    if (!outsideDiet) return unmatched(item.text, item, `No product matches ${words}`, 0);
    const quantity = unitsToBuy(item.quantity, nameOf(engine, outsideDiet.productId));
    return {
      ...unmatched(item.text, item, `No ${dietWords(shopper.dietaryRestrictions)} product matches ${words}`, confidence(item, intent, engine, outsideDiet.productId)),
      status: 'NOT_IN_DIET',
      productId: outsideDiet.productId,
      quantity,
    };
  }
  // Alternatives are only those matching the item's words as well as the best does: the engine's
  // word-match levels are at least 1 apart, price and popularity only break ties below 1.
  const best = candidates[0]!;
  const sized = candidates
    .filter((c) => c.score > best.score - 1)
    .map((c) => ({ ...c, quantity: unitsToBuy(item.quantity, nameOf(engine, c.productId)) }));
  const fits = remaining === null ? sized[0]! : sized.find((c) => priceOf(engine, c.productId) * c.quantity <= remaining);
  if (!fits) {
    const top = sized[0]!;
    return {
      ...unmatched(item.text, item, `${nameOf(engine, top.productId)} matches ${words} but does not fit in the ${money(remaining!)} left of the budget`, confidence(item, intent, engine, top.productId)),
      status: 'OVER_BUDGET',
      productId: top.productId,
      quantity: top.quantity,
    };
  }
  const name = nameOf(engine, fits.productId);
  return {
    text: item.text,
    item,
    status: 'ADDED',
    productId: fits.productId,
    recommendationId: fits.recommendationId,
    quantity: fits.quantity,
    confidence: confidence(item, intent, engine, fits.productId),
    reason: fits === sized[0] ? `Added ${name}` : `Added ${name}, the best match within the budget`,
  };
}

function unmatched(text: string, item: IntentItem | null, reason: string, confidence: number): PlannedItem {
  return { text, item, status: 'NO_MATCH', productId: null, recommendationId: null, quantity: item ? unitsToBuy(item.quantity, '') : 1, confidence, reason };
}

/** How much of the item was understood, times the share of its product words the product's name has. */
function confidence(item: IntentItem, intent: Intent, engine: ListEngine, productId: string): number {
  const terms = item.productTerms.length > 0 ? item.productTerms : item.keywords;
  const name = new Set(nameOf(engine, productId).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(wordStem));
  const named = terms.length === 0 ? 0 : terms.filter((term) => name.has(wordStem(term))).length / terms.length;
  return Math.round(Math.min(1, intent.confidence) * (0.5 + 0.5 * named) * 100) / 100;
}

function nameOf(engine: ListEngine, productId: string): string {
  return engine.catalog.byId(productId)?.name ?? productId;
}

function priceOf(engine: ListEngine, productId: string): number {
  return engine.catalog.byId(productId)?.effectivePriceCents ?? 0;
}

function dietWords(diet: readonly string[]): string {
  return diet.map((tag) => tag.toLowerCase().replace(/_/g, '-')).join(', ');
}

function money(cents: number): string {
  return (Math.max(cents, 0) / 100).toFixed(2);
}
