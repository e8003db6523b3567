import type { RecommendationsContext } from '../context';
import type { RecommendationList } from '../engine/recommendationEngine';
import { carriesStem, stemsOf, wordStem } from '../engine/wordStem';
import { detectIntent } from '../intent/detectIntent';
import type { Intent } from '../intent/intent';
import { toFilter, type FilterInput } from '../requestArgs';
import { cachedList } from '../resolvers/cachedList';
import { intentVocabulary } from '../resolvers/intentList';
import type { ReadLine } from '../vision/readShoppingList';
import { matchListItem } from './matchListItem';

/** A line of a photographed shopping list with the product it asks for. */
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
 * Each line of a photographed shopping list, for recommend(context: { image }),
 * matched by the list matcher that fills carts (matchListItem.ts): parsed by the
 * free-text parser, its first item matched for nobody in particular (no diet,
 * no budget), through the request's filters. The first MAX_LINES lines only.
 * The lists go through the cache as every list recommend serves.
 */
export async function matchPhotographedList(context: RecommendationsContext, lines: readonly ReadLine[], options: MatchOptions): Promise<MatchedLine[]> {
  const vocabulary = await intentVocabulary(context);
  const filter = toFilter(options.filter);
  return Promise.all(
    lines.slice(0, MAX_LINES).map(async (line) => {
      const intent = detectIntent(line.text.slice(0, MAX_LINE_LENGTH), vocabulary);
      // A list has one thing per line; "milk and eggs" on one line is matched on its first item.
      const item = intent.items[0] ?? null;
      const request = { first: options.first, diet: [], sustainability: 'NONE' as const, filter };
      const list: RecommendationList = item
        ? await cachedList(context, ['recommend', 'list line', intent.text, item, request], () => [], (engine) => matchListItem(engine, intent, item, request))
        : { items: [], servedBy: [], emptyReason: 'Names no product' };
      const best = list.items[0] ?? null;
      const confidence = best && item ? round(line.confidence * coverage(context, best.productId, item.keywords)) : 0;
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
