import { categoryPhrases, type CategoryHit } from './categoryLexicon';
import { extractPrice, formatCents } from './extractPrice';
import type { DietaryTag, Intent, IntentVocabulary, PriceSensitivity, SustainabilityPreference } from './intent';
import type { PhraseTrie } from './phraseTrie';
import { SLOT_PHRASES, type Slot } from './slotLexicon';
import { NEGATORS, STRICT_MODIFIERS } from './stopWords';
import { tokenize, type Token } from './tokenize';

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

/**
 * Turns a shopper's free text ("cheap vegan snacks under $5 near me") into
 * search slots. Pure and synchronous; never throws. English only: see docs/intent.md.
 */
export function detectIntent(text: string, vocabulary: IntentVocabulary): Intent {
  const trimmed = text.trim();
  const price = extractPrice(trimmed);
  const tokens = tokenize(price.rest);
  const categories = categoryPhrases(vocabulary);

  const categoryScores = new Map<string, { score: number; first: number }>();
  const dietaryTags: DietaryTag[] = [];
  const sensitivityVotes: Record<PriceSensitivity, number> = { BUDGET: 0, PREMIUM: 0 };
  let sustainability: SustainabilityPreference | null = null;
  let nearMe = false;
  let healthy = false;
  const keywords = new Set<string>();
  let understood = price.words;
  let content = price.words;

  const apply = (match: Match, start: number): void => {
    for (const slot of match.slots) {
      switch (slot.kind) {
        case 'diet':
          if (!dietaryTags.includes(slot.tag)) dietaryTags.push(slot.tag);
          break;
        case 'price':
          sensitivityVotes[slot.sensitivity] += 1;
          break;
        case 'sustainability':
          if (isStrict(tokens, start, start + match.length)) sustainability = 'ONLY';
          else sustainability ??= 'PREFER';
          break;
        case 'nearMe':
          nearMe = true;
          break;
        case 'healthy':
          healthy = true;
          break;
      }
    }
    // One phrase can repeat a category (its name and slug); score it once, at its best.
    const strengths = new Map<string, number>();
    for (const hit of match.categories)
      strengths.set(hit.categoryId, Math.max(hit.strength, strengths.get(hit.categoryId) ?? 0));
    for (const [categoryId, strength] of strengths) {
      const seen = categoryScores.get(categoryId);
      if (seen) seen.score += strength;
      else categoryScores.set(categoryId, { score: strength, first: start });
    }
  };

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const match = matchAt(tokens, i, categories);
    if (match) {
      apply(match, i);
      understood += match.length;
      content += match.length;
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
          understood += covered;
          content += covered;
          i += covered;
          continue;
        }
        // "not vegan", "non-organic": understood, and deliberately not applied.
        if (negated) {
          const covered = target + negated.length - i;
          understood += covered;
          content += covered;
          i = target + negated.length;
          continue;
        }
        // "no palm oil": what the shopper does not want must not become a search word.
        if (!tokens[target]!.numeric) {
          content += 1;
          i = target + 1;
          continue;
        }
      }
    }
    if (!token.stop && !token.numeric) {
      content += 1;
      keywords.add(token.lemma);
    }
    i += 1;
  }

  const categoryIds = [...categoryScores.entries()]
    .sort(([, a], [, b]) => b.score - a.score || a.first - b.first)
    .map(([id]) => id);
  const { BUDGET, PREMIUM } = sensitivityVotes;
  const priceSensitivity: PriceSensitivity | null = BUDGET > PREMIUM ? 'BUDGET' : PREMIUM > BUDGET ? 'PREMIUM' : null;

  return {
    text: trimmed,
    categoryIds,
    keywords: [...keywords],
    maxPrice: price.maxCents === null ? null : formatCents(price.maxCents),
    minPrice: price.minCents === null ? null : formatCents(price.minCents),
    priceSensitivity,
    dietaryTags,
    sustainability,
    nearMe,
    healthy,
    confidence: understood === 0 ? CONFIDENCE_FLOOR : Math.max(CONFIDENCE_FLOOR, Math.round((understood / content) * 100) / 100),
  };
}
