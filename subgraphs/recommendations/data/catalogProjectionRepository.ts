import type { PrismaClient } from '../../../platform/database/database';
import type { NutritionSnapshot, ProductSnapshot } from '../../../platform/events/topics';
import { Prisma } from '../../../prisma/generated/client/client';

/** The persisted catalog projection (recs.catalog_item, recs.store_location). */
export class CatalogProjectionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async upsertProducts(snapshots: ProductSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.prisma.$transaction(
      snapshots.map((s) => {
        const data = {
          sku: s.sku,
          name: s.name,
          brand: s.brand,
          tags: s.tags,
          categoryId: s.categoryId,
          categoryPath: s.categoryPath,
          price: s.price,
          effectivePrice: s.effectivePrice,
          currency: s.currency,
          stockQuantity: s.stockQuantity,
          dietaryTags: s.dietaryTags,
          sustainabilityScore: s.sustainabilityScore,
          carbonFootprintKg: s.carbonFootprintKg,
          sustainabilityLabels: s.sustainabilityLabels,
          storeIds: s.storeIds,
          archived: s.archived,
          kind: s.kind ?? 'MERCHANDISE',
          description: s.description ?? '',
          nutrition: s.nutrition ? { ...s.nutrition } : Prisma.DbNull,
          gtin: s.gtin ?? null,
          updatedAt: new Date(),
        };
        return this.prisma.catalogItem.upsert({ where: { productId: s.productId }, create: { productId: s.productId, ...data }, update: data });
      }),
    );
  }

  async setStore(storeId: string, point: { latitude: number; longitude: number } | null): Promise<void> {
    if (point) {
      await this.prisma.storeLocation.upsert({ where: { storeId }, create: { storeId, ...point }, update: point });
    } else {
      await this.prisma.storeLocation.deleteMany({ where: { storeId } });
    }
  }

  async count(): Promise<number> {
    return this.prisma.catalogItem.count();
  }

  async loadProducts(): Promise<ProductSnapshot[]> {
    const rows = await this.prisma.catalogItem.findMany();
    return rows.map((r) => ({
      productId: r.productId,
      sku: r.sku,
      name: r.name,
      brand: r.brand,
      tags: r.tags,
      categoryId: r.categoryId,
      categoryPath: r.categoryPath,
      price: r.price.toFixed(2),
      effectivePrice: r.effectivePrice.toFixed(2),
      currency: r.currency,
      stockQuantity: r.stockQuantity,
      dietaryTags: r.dietaryTags,
      sustainabilityScore: r.sustainabilityScore,
      carbonFootprintKg: r.carbonFootprintKg === null ? null : r.carbonFootprintKg.toFixed(3),
      sustainabilityLabels: r.sustainabilityLabels,
      storeIds: r.storeIds,
      archived: r.archived,
      kind: r.kind,
      description: r.description,
      nutrition: (r.nutrition as NutritionSnapshot | null) ?? null,
      gtin: r.gtin,
    }));
  }

  async loadStores(): Promise<{ storeId: string; latitude: number; longitude: number }[]> {
    return this.prisma.storeLocation.findMany();
  }
}
