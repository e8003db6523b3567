import type { CatalogProduct } from '../catalog/catalogClient';
import type { PriceSnapshot } from '../data/cartRepository';

/** Why `quantity` of the product cannot be bought; null when it can. */
export function availabilityProblem(product: CatalogProduct, quantity: number): string | null {
  if (product.archived) return 'is no longer sold';
  if (product.stockQuantity <= 0) return 'is out of stock';
  if (product.stockQuantity < quantity) return `has only ${product.stockQuantity} in stock`;
  return null;
}

export function priceSnapshot(product: CatalogProduct): PriceSnapshot {
  return {
    unitPrice: product.effectivePrice,
    listPrice: product.price,
    currency: product.currency,
    sustainabilityScore: product.sustainabilityScore,
  };
}
