import type { Quantity } from '../intent/intent';

const MAX_UNITS = 99;

/** Millilitres or grams per unit of each volume or weight the parser names. */
const BASE: Readonly<Record<string, { dimension: 'volume' | 'weight'; factor: number }>> = {
  l: { dimension: 'volume', factor: 1000 },
  cl: { dimension: 'volume', factor: 10 },
  ml: { dimension: 'volume', factor: 1 },
  kg: { dimension: 'weight', factor: 1000 },
  g: { dimension: 'weight', factor: 1 },
};

/** What one unit of a product holds, read from its name ("Whole milk 1 L", "Barn eggs 10 pack", "Spaghetti 500 g"). */
function packOf(name: string): { dimension: 'volume' | 'weight' | 'count'; amount: number } | null {
  const count = /(\d+)\s*(?:pack|pcs|pieces|x)\b/i.exec(name);
  if (count) return { dimension: 'count', amount: Number(count[1]) };
  const measure = /(\d+(?:[.,]\d+)?)\s*(kg|g|l|cl|ml)\b/i.exec(name);
  if (!measure) return null;
  const base = BASE[measure[2]!.toLowerCase()]!;
  return { dimension: base.dimension, amount: Number(measure[1]!.replace(',', '.')) * base.factor };
}

/**
 * How many units of a product cover what a list item asks for: "2 x milk" is
 * two bottles; "2 l milk" is two of a 1 L bottle and one of a 2 L one; "12
 * eggs" is two 6-packs and "3 packs of eggs" three; "1 kg spaghetti" two 500 g
 * packs. A weight or volume of a product whose name does not say what a unit
 * holds is one unit. At least 1, at most 99.
 */
export function unitsToBuy(quantity: Quantity | null, productName: string): number {
  if (!quantity || !(quantity.amount > 0)) return 1;
  const pack = packOf(productName);
  let units = 1;
  if (quantity.unit === 'pack') units = Math.round(quantity.amount);
  else if (quantity.unit === null) units = pack?.dimension === 'count' ? Math.ceil(quantity.amount / pack.amount) : Math.round(quantity.amount);
  else {
    const asked = toBase(quantity);
    if (asked && pack && pack.dimension === asked.dimension && pack.amount > 0) units = Math.ceil(asked.amount / pack.amount - 1e-9);
  }
  return Math.min(Math.max(units, 1), MAX_UNITS);
}

function toBase(quantity: Quantity): { dimension: 'volume' | 'weight'; amount: number } | null {
  const base = BASE[quantity.unit!];
  return base ? { dimension: base.dimension, amount: quantity.amount * base.factor } : null;
}
