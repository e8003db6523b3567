import type { ProductKind } from '../generated/resolvers-types';

// The import's rule for lines that are obviously not goods (docs/catalog.md,
// "Product kinds"). Order histories and basket files carry postage, carriage,
// bank and marketplace charges, bag charges, deposits and gift cards as if they
// were products; left as merchandise they are "bought with everything" and get
// recommended. The rule is deliberately narrow (exact SKUs, whole phrases): a
// false positive hides real goods, so anything doubtful stays MERCHANDISE and
// an admin can always set `kind` either way.

/** SKUs that order-export systems use for charges, compared upper-cased with runs of space, "_" and "-" as one space. */
const SKUS: Readonly<Record<string, ProductKind>> = {
  POST: 'FEE', // postage
  DOT: 'FEE', // dotcom postage
  C2: 'FEE', // carriage
  M: 'FEE', // a manual price adjustment
  D: 'FEE', // a discount line
  'BANK CHARGES': 'FEE',
  AMAZONFEE: 'FEE',
  CRUK: 'FEE', // a charity commission
};

/** Name phrases, tried in this order on the lower-cased name with separators as spaces. */
const NAMES: readonly [RegExp, ProductKind][] = [
  [/\b(bottle|can|container|crate|keg|glass|returnable) deposit\b|^deposit\b|\bdeposit$|\bpfand\b/, 'DEPOSIT'],
  [/\b(e ?)?gift ?(card|voucher|certificate)s?\b(?! (holder|wallet|box|tag))/, 'GIFT_CARD'],
  [/\bservice (charge|fee)s?\b/, 'SERVICE'],
  [/^(dotcom )?postage( (and|&) packing)?$|\bpostage (charge|fee|cost)s?\b/, 'FEE'],
  [/^carriage$|\bcarriage (charge|fee|cost)s?\b/, 'FEE'],
  [/\b(delivery|shipping|handling|booking|transaction|payment|card|admin|marketplace|amazon) (charge|fee|cost)s?\b/, 'FEE'],
  [/\bbank charges?\b/, 'FEE'],
  [/\bbag (charge|levy|fee)s?\b|^(plastic |paper )?(carrier|shopping) bags?$/, 'FEE'],
  [/^(manual|discount)$/, 'FEE'],
];

const normalise = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** FEE, SERVICE, DEPOSIT or GIFT_CARD when the SKU or the name says so; MERCHANDISE otherwise. */
export function detectProductKind(sku: string, name: string): ProductKind {
  const bySku = SKUS[normalise(sku).toUpperCase()];
  if (bySku) return bySku;
  const words = normalise(name);
  for (const [pattern, kind] of NAMES) if (pattern.test(words)) return kind;
  return 'MERCHANDISE';
}
