import nlp from 'compromise';
import { lemmatize } from './lemmatize';
import { STOP_WORDS } from './stopWords';

export interface Token {
  /** Singular, lower case, accents folded; numbers as written. */
  lemma: string;
  stop: boolean;
  numeric: boolean;
  /** Punctuation or a sentence end separates this token from the previous one: phrases never span it. */
  boundaryBefore: boolean;
}

interface CompromiseTerm {
  pre: string;
  post: string;
  normal: string;
  /** The expanded form of a contraction: "don't" → "do" + "not". */
  machine?: string;
}

// A hyphen joins ("gluten-free"), an apostrophe belongs to the word, "%" to its number ("100% organic");
// any other punctuation separates.
const BREAKING = /[^\p{L}\p{N}\s'’%-]/u;
const PIECE_SEPARATOR = /[^\p{L}\p{N}]+/u;
const NUMERIC = /^\p{N}+$/u;

/**
 * Words of `text` in order. compromise does the tokenising, Unicode and accent
 * normalisation and contraction expansion; its tagger is not run (too slow for
 * a per-request call).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // "fruit & veg" must read like "fruit and veg", not as two phrases.
  for (const sentence of nlp.tokenize(text.replace(/&/g, ' and ')).docs as CompromiseTerm[][]) {
    let boundary = true;
    for (const term of sentence) {
      if (BREAKING.test(term.pre)) boundary = true;
      const word = (term.machine || term.normal).replace(/['’]/g, '');
      const pieces = word.split(PIECE_SEPARATOR);
      for (const piece of pieces) {
        if (piece === '') continue;
        tokens.push(toToken(piece, boundary));
        boundary = false;
      }
      if (pieces.length > 1 && BREAKING.test(word)) boundary = true;
      if (BREAKING.test(term.post)) boundary = true;
    }
  }
  return tokens;
}

function toToken(piece: string, boundaryBefore: boolean): Token {
  const numeric = NUMERIC.test(piece);
  const stop = !numeric && (piece.length < 2 || STOP_WORDS.has(piece));
  return { lemma: numeric ? piece : lemmatize(piece), stop, numeric, boundaryBefore };
}

/** The lemmas of a phrase, exactly as `tokenize` would produce them in a query. */
export function lemmasOf(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.lemma);
}
