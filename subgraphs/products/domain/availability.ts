export type Availability = 'IN_STOCK' | 'LOW_STOCK' | 'OUT_OF_STOCK' | 'ARCHIVED';

/** At or below this many units a product shows as LOW_STOCK. */
export const LOW_STOCK_THRESHOLD = 5;

export function availability(stockQuantity: number, archivedAt: Date | null): Availability {
  if (archivedAt) return 'ARCHIVED';
  if (stockQuantity <= 0) return 'OUT_OF_STOCK';
  return stockQuantity <= LOW_STOCK_THRESHOLD ? 'LOW_STOCK' : 'IN_STOCK';
}
