import crypto from 'node:crypto';
import { transact, type Db } from '../../../platform/database/transact';
import { Prisma, type Store } from '../../../prisma/generated/client/client';
import type { StoreDistance } from '../models';
import { distanceKm, storeWithin, type Circle } from './geoSql';

export type { Store };

export interface StoreFields {
  name: string;
  city: string;
  latitude: number;
  longitude: number;
}

const STORE_COLUMNS = Prisma.sql`s.id::text AS id, s.name, s.city, s.latitude, s.longitude, s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

type StoreDistanceRow = Store & { distanceKm: number };

function toDistance({ distanceKm: km, ...store }: StoreDistanceRow): StoreDistance {
  return { store, distanceKm: Math.round(km * 1000) / 1000 };
}

/** Physical stores and what they stock. */
export class StoreRepository {
  constructor(private readonly prisma: Db) {}

  findByIds(ids: string[]): Promise<Store[]> {
    return this.prisma.store.findMany({ where: { id: { in: ids } } });
  }

  /** Every store by city and name, at most `limit`: the list a back office manages. */
  all(limit: number): Promise<Store[]> {
    return this.prisma.store.findMany({ orderBy: [{ city: 'asc' }, { name: 'asc' }, { id: 'asc' }], take: limit });
  }

  /** Stores inside the circle, nearest first. */
  async within(circle: Circle): Promise<StoreDistance[]> {
    const rows = await this.prisma.$queryRaw<StoreDistanceRow[]>`
      SELECT ${STORE_COLUMNS}, ${distanceKm(circle)} AS "distanceKm"
      FROM catalog.store s
      WHERE ${storeWithin(circle)}
      ORDER BY "distanceKm", s.id`;
    return rows.map(toDistance);
  }

  /** For each product, the stores inside the circle that stock it, nearest first: one statement for all products. */
  async withinStocking(productIds: string[], circle: Circle): Promise<Map<string, StoreDistance[]>> {
    const rows = await this.prisma.$queryRaw<(StoreDistanceRow & { productId: string })[]>`
      SELECT sp.product_id::text AS "productId", ${STORE_COLUMNS}, ${distanceKm(circle)} AS "distanceKm"
      FROM catalog.store_product sp
      JOIN catalog.store s ON s.id = sp.store_id
      WHERE sp.product_id = ANY(${productIds}::uuid[]) AND ${storeWithin(circle)}
      ORDER BY "distanceKm", s.id`;
    const byProduct = new Map<string, StoreDistance[]>(productIds.map((id) => [id, []]));
    for (const { productId, ...row } of rows) byProduct.get(productId)?.push(toDistance(row));
    return byProduct;
  }

  /** Product id → the stores stocking it: one statement. */
  async storeIdsOf(productIds: string[]): Promise<Map<string, string[]>> {
    const rows = await this.prisma.storeProduct.findMany({ where: { productId: { in: productIds } }, orderBy: { storeId: 'asc' } });
    const byProduct = new Map<string, string[]>();
    for (const { productId, storeId } of rows) byProduct.set(productId, [...(byProduct.get(productId) ?? []), storeId]);
    return byProduct;
  }

  async productIdsOf(storeId: string): Promise<string[]> {
    const rows = await this.prisma.storeProduct.findMany({ where: { storeId }, select: { productId: true }, orderBy: { productId: 'asc' } });
    return rows.map((row) => row.productId);
  }

  create(fields: StoreFields): Promise<Store> {
    return this.prisma.store.create({ data: { id: crypto.randomUUID(), ...fields } });
  }

  /** Null when there is no such store. */
  async update(id: string, fields: Partial<StoreFields>): Promise<Store | null> {
    const updated = await this.prisma.store.updateManyAndReturn({ where: { id }, data: fields });
    return updated[0] ?? null;
  }

  /** Its stock list goes with it (ON DELETE CASCADE). Null when there was no such store. */
  async delete(id: string): Promise<Store | null> {
    try {
      return await this.prisma.store.delete({ where: { id } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
      throw error;
    }
  }

  /**
   * Replaces what a store stocks, in one transaction. Refuses (writing
   * nothing) when some product ids are unknown, and returns those.
   */
  async setProducts(storeId: string, productIds: string[]): Promise<{ store: Store | null; unknownProductIds: string[] }> {
    return transact(this.prisma, 
      async (tx) => {
        const store = await tx.store.findUnique({ where: { id: storeId } });
        if (!store) return { store: null, unknownProductIds: [] };
        const known = new Set((await tx.product.findMany({ where: { id: { in: productIds } }, select: { id: true } })).map((p) => p.id));
        const unknownProductIds = productIds.filter((id) => !known.has(id));
        if (unknownProductIds.length > 0) return { store, unknownProductIds };
        await tx.storeProduct.deleteMany({ where: { storeId } });
        await tx.storeProduct.createMany({ data: productIds.map((productId) => ({ storeId, productId })) });
        const touched = await tx.store.update({ where: { id: storeId }, data: { updatedAt: new Date() } });
        return { store: touched, unknownProductIds };
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  }

  /** Adds stock-list entries that are not there yet (the demo seed). */
  async addProducts(entries: { storeId: string; productId: string }[]): Promise<void> {
    await this.prisma.storeProduct.createMany({ data: entries, skipDuplicates: true });
  }

  /** Inserts stores whose id is not there yet (the demo seed). */
  async insertMissing(stores: (StoreFields & { id: string })[]): Promise<void> {
    await this.prisma.store.createMany({ data: stores, skipDuplicates: true });
  }
}
