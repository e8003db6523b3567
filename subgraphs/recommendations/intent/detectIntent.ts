import { categoryPhrases, type CategoryHit } from './categoryLexicon';
import { extractPrice, formatCents } from './extractPrice';
import { extractQuantity } from './extractQuantity';
import type { DietaryTag, Intent, IntentItem, IntentVocabulary, PriceSensitivity, Quantity, SustainabilityPreference } from './intent';
import type { PhraseTrie } from './phraseTrie';
import { SLOT_PHRASES, type Slot } from './slotLexicon';
import { splitItems } from './splitItems';
import { NEGATORS, STOP_WORDS, STRICT_MODIFIERS } from './stopWords';
import { tokenize, type Token } from './tokenize';
import { vocabularyIndex, type VocabularyIndex } from './vocabularyIndex';

/** Confidence when nothing in the text could be mapped to a slot. */
export const CONFIDENCE_FLOOR = 0.1;
// "not even organic", "don't want nuts": a negator reaches over this many stop words.
const NEGATION_REACH = 2;
const STRICT_REACH = 2;
const NO: Token = { lemma: 'no', stop: true, numeric: false, boundaryBefore: true };
// The longest "no X" phrases ("no added sugar", "no tree nuts") have two words after "no".
const MAX_FREE_FROM_WORDS = 2;

interface Match {
  length: number;
  slots: readonly Slot[];
  categories: readonly CategoryHit[];
}

/** The longest phrase at `start` across both lexicons; equally long ones both apply. */
function matchAt(tokens: readonly Token[], start: number, categories: PhraseTrie<CategoryHit>): Match | null {
  const slot = SLOT_PHRASES.longestAt(tokens, start);
  const category = categories.longestAt(tokens, start);
  const length = Math.max(slot?.length ?? 0, category?.length ?? 0);
  if (length === 0) return null;
  const slots = slot?.length === length ? slot.values : [];
  const hits = category?.length === length ? category.values : [];
  // A bare compound ("green tea") only stops its first word from filling a slot.
  if (hits.length === 0 && slots.every((s) => s.kind === 'literal')) return null;
  return { length, slots: slots.filter((s) => s.kind !== 'literal'), categories: hits };
}

/** The index of the first non-stop word after `index`, within `reach` stop words and the same phrase boundary. */
function nextContent(tokens: readonly Token[], index: number, reach: number): number | null {
  for (let i = index + 1; i <= index + 1 + reach && i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.boundaryBefore) return null;
    if (!token.stop || STRICT_MODIFIERS.has(token.lemma)) return i;
  }
  return null;
}

/** "only organic", "must be sustainable", "organic only": the phrase at start..end is a requirement. */
function isStrict(tokens: readonly Token[], start: number, end: number): boolean {
  const after = tokens[end];
  if (after && !after.boundaryBefore && after.lemma === 'only') return true;
  for (let i = start; i > start - STRICT_REACH && i > 0; i--) {
    if (tokens[i]!.boundaryBefore) return false;
    const previous = tokens[i - 1]!;
    if (STRICT_MODIFIERS.has(previous.lemma)) return true;
    if (!previous.stop) return false;
  }
  return false;
}

/** What one phrase of the request ("only organic milk") says. */
interface Reading {
  text: string;
  quantity: Quantity | null;
  categoryScores: Map<string, { score: number; first: number }>;
  dietaryTags: DietaryTag[];
  sensitivityVotes: Record<PriceSensitivity, number>;
  sustainability: SustainabilityPreference | null;
  organic: SustainabilityPreference | null;
  nearMe: boolean;
  healthy: boolean;
  keywords: string[];
  excluded: string[];
  understood: number;
  content: number;
  /** The last product phrase: in English the head of a noun phrase comes last ("frozen pizza"). */
  head: { lemmas: string[]; categoryIds: string[] } | null;
}

// Words after a negator that are not a known phrase are excluded as one phrase, up to this many ("no palm oil").
const MAX_EXCLUDED_WORDS = 3;

const strongest = (strengths: Map<string, number>): string[] =>
  [...strengths.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);

/** Fixes typos one edit away from a known word; the lexicons then read the corrected word. */
function spellChecked(tokens: Token[], index: VocabularyIndex): Token[] {
  return tokens.map((token) => {
    if (token.stop || token.numeric) return token;
    const corrected = index.speller.correct(token.lemma);
    return corrected === null ? token : { ...token, lemma: corrected, stop: STOP_WORDS.has(corrected) };
  });
}

function readSegment(text: string, offset: number, categories: PhraseTrie<CategoryHit>, index: VocabularyIndex): Reading {
  const { quantity, rest } = extractQuantity(text);
  const tokens = spellChecked(tokenize(rest), index);
  const reading: Reading = {
    text: text.trim(),
    quantity,
    categoryScores: new Map(),
    dietaryTags: [],
    sensitivityVotes: { BUDGET: 0, PREMIUM: 0 },
    sustainability: null,
    organic: null,
    nearMe: false,
    healthy: false,
    keywords: [],
    excluded: [],
    understood: quantity ? 1 : 0,
    content: quantity ? 1 : 0,
    head: null,
  };
  const keyword = (lemma: string): void => {
    if (!reading.keywords.includes(lemma)) reading.keywords.push(lemma);
  };
  const exclude = (phrase: string): void => {
    if (phrase !== '' && !reading.excluded.includes(phrase)) reading.excluded.push(phrase);
  };

  const apply = (match: Match, start: number): void => {
    for (const slot of match.slots) {
      switch (slot.kind) {
        case 'diet':
          if (!reading.dietaryTags.includes(slot.tag)) reading.dietaryTags.push(slot.tag);
          break;
        case 'price':
          reading.sensitivityVotes[slot.sensitivity] += 1;
          break;
        case 'sustainability':
          if (isStrict(tokens, start, start + match.length)) reading.sustainability = 'ONLY';
          else reading.sustainability ??= 'PREFER';
          break;
        case 'organic':
          if (isStrict(tokens, start, start + match.length)) reading.organic = 'ONLY';
          else reading.organic ??= 'PREFER';
          break;
        case 'exclude':
          exclude(slot.term);
          break;
        case 'nearMe':
          reading.nearMe = true;
          break;
        case 'healthy':
          reading.healthy = true;
          break;
      }
    }
    // One phrase can repeat a category (its name and slug); score it once, at its best.
    const strengths = new Map<string, number>();
    for (const hit of match.categories)
      strengths.set(hit.categoryId, Math.max(hit.strength, strengths.get(hit.categoryId) ?? 0));
    for (const [categoryId, strength] of strengths) {
      const seen = reading.categoryScores.get(categoryId);
      if (seen) seen.score += strength;
      else reading.categoryScores.set(categoryId, { score: strength, first: offset + start });
    }
    if (strengths.size > 0) {
      const lemmas = tokens.slice(start, start + match.length).filter((t) => !t.stop && !t.numeric).map((t) => t.lemma);
      if (lemmas.length > 0) reading.head = { lemmas, categoryIds: strongest(strengths) };
    }
  };

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const match = matchAt(tokens, i, categories);
    if (match) {
      apply(match, i);
      reading.understood += match.length;
      reading.content += match.length;
      i += match.length;
      continue;
    }
    if (NEGATORS.has(token.lemma)) {
      const target = nextContent(tokens, i, NEGATION_REACH);
      if (target !== null) {
        const negated = matchAt(tokens, target, categories);
        // "don't want nuts" says what "no nuts" says; "not gluten free" does not say "no gluten".
        const freeFrom = SLOT_PHRASES.longestAt([NO, ...tokens.slice(target, target + MAX_FREE_FROM_WORDS)], 0);
        if (freeFrom && freeFrom.length - 1 >= (negated?.length ?? 0)) {
          const covered = target + freeFrom.length - 1 - i;
          apply({ length: covered, slots: freeFrom.values, categories: [] }, i);
          reading.understood += covered;
          reading.content += covered;
          i += covered;
          continue;
        }
        // "not vegan", "non-organic": understood, and deliberately not applied.
        if (negated && negated.slots.length > 0) {
          const covered = target + negated.length - i;
          reading.understood += covered;
          reading.content += covered;
          i = target + negated.length;
          continue;
        }
        // "no palm oil", "without chocolate": what the shopper does not want is excluded, never searched for.
        if (!tokens[target]!.numeric) {
          let end = target;
          while (end < tokens.length && end - target < MAX_EXCLUDED_WORDS && !tokens[end]!.stop && !tokens[end]!.numeric
            && (end === target || !tokens[end]!.boundaryBefore)) end += 1;
          if (negated) end = Math.max(end, target + negated.length);
          exclude(tokens.slice(target, end).map((t) => t.lemma).join(' '));
          reading.understood += end - i;
          reading.content += end - i;
          i = end;
          continue;
        }
      }
    }
    if (!token.stop && !token.numeric) {
      reading.content += 1;
      keyword(token.lemma);
      reading.head = { lemmas: [token.lemma], categoryIds: [] };
    }
    i += 1;
  }
  return reading;
}

const sensitivity = ({ BUDGET, PREMIUM }: Record<PriceSensitivity, number>): PriceSensitivity | null =>
  BUDGET > PREMIUM ? 'BUDGET' : PREMIUM > BUDGET ? 'PREMIUM' : null;

const strictest = (values: (SustainabilityPreference | null)[]): SustainabilityPreference | null =>
  values.includes('ONLY') ? 'ONLY' : values.includes('PREFER') ? 'PREFER' : null;

const rankCategories = (scores: Map<string, { score: number; first: number }>): string[] =>
  [...scores.entries()].sort(([, a], [, b]) => b.score - a.score || a.first - b.first).map(([id]) => id);

/** A phrase names a product when its head is a catalog word or a category (any word, without product names). */
function namesProduct(reading: Reading, index: VocabularyIndex): boolean {
  if (!reading.head) return false;
  if (reading.categoryScores.size > 0 || index.productWords === null) return true;
  return reading.keywords.some((k) => index.productWords!.has(k));
}

/**
 * Turns a shopper's free text ("cheap vegan snacks under $5 near me", "milk, eggs and bread")
 * into search slots, and one item per product asked for. Pure and synchronous; never throws.
 * English only: see docs/intent.md.
 */
export function detectIntent(text: string, vocabulary: IntentVocabulary): Intent {
  const trimmed = text.trim();
  const price = extractPrice(trimmed);
  const categories = categoryPhrases(vocabulary);
  const index = vocabularyIndex(vocabulary);
  const readings = splitItems(price.rest, index.joinedPairs).map((segment, n) => readSegment(segment.text, n * 1000, categories, index));

  const categoryScores = new Map<string, { score: number; first: number }>();
  const votes: Record<PriceSensitivity, number> = { BUDGET: 0, PREMIUM: 0 };
  const dietaryTags: DietaryTag[] = [];
  const keywords: string[] = [];
  const excluded: string[] = [];
  let understood = price.words;
  let content = price.words;
  for (const reading of readings) {
    for (const [id, { score, first }] of reading.categoryScores) {
      const seen = categoryScores.get(id);
      if (seen) seen.score += score;
      else categoryScores.set(id, { score, first });
    }
    votes.BUDGET += reading.sensitivityVotes.BUDGET;
    votes.PREMIUM += reading.sensitivityVotes.PREMIUM;
    for (const tag of reading.dietaryTags) if (!dietaryTags.includes(tag)) dietaryTags.push(tag);
    for (const word of reading.keywords) if (!keywords.includes(word)) keywords.push(word);
    for (const phrase of reading.excluded) if (!excluded.includes(phrase)) excluded.push(phrase);
    understood += reading.understood;
    content += reading.content;
  }

  // What phrases without a product say ("organic, please", "near me") holds for every item.
  const products = readings.filter((r) => namesProduct(r, index));
  const shared = readings.filter((r) => !products.includes(r));
  const sharedVotes = { BUDGET: 0, PREMIUM: 0 };
  for (const r of shared) {
    sharedVotes.BUDGET += r.sensitivityVotes.BUDGET;
    sharedVotes.PREMIUM += r.sensitivityVotes.PREMIUM;
  }
  const items: IntentItem[] = products.map((reading) => {
    const productTerms = reading.head!.lemmas;
    const own = rankCategories(reading.categoryScores);
    return {
      text: reading.text,
      productTerms,
      categoryIds: [...new Set([...reading.head!.categoryIds, ...own])],
      keywords: [...new Set([...reading.keywords, ...productTerms])],
      quantity: reading.quantity,
      dietaryTags,
      sustainability: reading.sustainability ?? strictest(shared.map((r) => r.sustainability)),
      organic: reading.organic ?? strictest(shared.map((r) => r.organic)),
      priceSensitivity: sensitivity(reading.sensitivityVotes) ?? sensitivity(sharedVotes),
    };
  });

  return {
    text: trimmed,
    categoryIds: rankCategories(categoryScores),
    keywords,
    maxPrice: price.maxCents === null ? null : formatCents(price.maxCents),
    minPrice: price.minCents === null ? null : formatCents(price.minCents),
    priceSensitivity: sensitivity(votes),
    dietaryTags,
    sustainability: strictest(readings.map((r) => r.sustainability)),
    organic: strictest(readings.map((r) => r.organic)),
    excluded,
    items,
    nearMe: readings.some((r) => r.nearMe),
    healthy: readings.some((r) => r.healthy),
    confidence: understood === 0 ? CONFIDENCE_FLOOR : Math.max(CONFIDENCE_FLOOR, Math.round((understood / content) * 100) / 100),
  };
}
