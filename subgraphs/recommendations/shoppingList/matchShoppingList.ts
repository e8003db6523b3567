import type { RecommendationsContext } from '../context';
import type { RecommendationList } from '../engine/recommendationEngine';
import { carriesStem, stemsOf, wordStem } from '../engine/wordStem';
import { detectIntent } from '../intent/detectIntent';
import type { Intent } from '../intent/intent';
import type { FilterInput } from '../requestArgs';
import { intentList, intentVocabulary } from '../resolvers/intentList';
import type { ReadLine } from '../vision/readShoppingList';

/** A line of a shopping list with the product it asks for. */
export interface MatchedLine {
  text: string;
  read: string;
  /** The line read by the free-text parser, as recommend(context: { text }) would. */
  intent: Intent;
  /** The best match; null when no product carries the line's words (or none passes the filters). */
  productId: string | null;
  /** 0–1: the reading's confidence × the share of the line's words the product carries; 0 without a product. */
  confidence: number;
  /** The line's matches, best first (strict: only products with its words; at most `first`). */
  list: RecommendationList;
}

/** Lines matched per list: a photo of a page of text is not a shopping list, and each line costs a match. */
export const MAX_LINES = 50;
/** As for recommend(context: { text }). */
const MAX_LINE_LENGTH = 500;

export interface MatchOptions {
  /** Matches kept per line (the best is `productId`). */
  first: number;
  filter?: FilterInput | null;
}

/**
 * Each line of a shopping list matched to products the way free text is
 * (resolvers/intentList.ts): parsed by the intent parser (quantity, unit,
 * product type, diets, prices, exclusions), then the products whose names
 * carry its words, the product type first. Strict: a line no product matches
 * gets no stand-in from the popular list, since the shopper asked for that
 * thing and not for something else. The first MAX_LINES lines only. Apart
 * from recommend so that a mutation filling a cart from a list can take the
 * same best match per line.
 */
export async function matchShoppingList(context: RecommendationsContext, lines: readonly ReadLine[], options: MatchOptions): Promise<MatchedLine[]> {
  const vocabulary = await intentVocabulary(context);
  return Promise.all(
    lines.slice(0, MAX_LINES).map(async (line) => {
      const intent = detectIntent(line.text.slice(0, MAX_LINE_LENGTH), vocabulary);
      // A list has one thing per line; "milk and eggs" on one line is matched on its first item.
      const item = intent.items[0] ?? null;
      const list = await intentList(context, { first: options.first, filter: options.filter, strict: true }, { intent, item });
      // Only a match on the line's words counts: without any (a line the parser found no product word in) the
      // list is the category's or the shop's best, no answer to what was written.
      const best = list.servedBy[0] === 'INTENT' ? (list.items[0] ?? null) : null;
      const words = item ? item.keywords : intent.keywords;
      const confidence = best ? round(line.confidence * coverage(context, best.productId, words)) : 0;
      return { text: line.text, read: line.read, intent, productId: best?.productId ?? null, confidence, list };
    }),
  );
}

/** The share of the line's words the product's name, brand and tags carry. */
function coverage(context: RecommendationsContext, productId: string, words: readonly string[]): number {
  const facts = context.host.engine.catalog.byId(productId);
  if (!facts || words.length === 0) return 0;
  const stems = stemsOf(facts.tokens);
  return words.filter((word) => carriesStem(stems, wordStem(word))).length / words.length;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
