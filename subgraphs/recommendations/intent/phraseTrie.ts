import type { Token } from './tokenize';

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

export interface PhraseMatch<T> {
  /** Tokens covered. */
  length: number;
  values: readonly T[];
}

/** Phrases of lemmas, matched longest-first against a token sequence. */
export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };

  add(lemmas: readonly string[], value: T): void {
    if (lemmas.length === 0) return;
    let node = this.root;
    for (const lemma of lemmas) {
      let child = node.next.get(lemma);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(lemma, child);
      }
      node = child;
    }
    node.values.push(value);
  }

  /** Every lemma of every phrase. */
  words(): Set<string> {
    const out = new Set<string>();
    const walk = (node: TrieNode<T>): void => {
      for (const [lemma, child] of node.next) {
        out.add(lemma);
        walk(child);
      }
    };
    walk(this.root);
    return out;
  }

  /** The longest phrase starting at `start`; phrases never cross a token boundary. */
  longestAt(tokens: readonly Token[], start: number): PhraseMatch<T> | null {
    let node = this.root;
    let best: PhraseMatch<T> | null = null;
    for (let i = start; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (i > start && token.boundaryBefore) break;
      const child = node.next.get(token.lemma);
      if (!child) break;
      node = child;
      if (node.values.length > 0) best = { length: i - start + 1, values: node.values };
    }
    return best;
  }
}
