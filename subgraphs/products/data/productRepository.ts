import crypto from 'node:crypto';
import { transact, type Db } from '../../../platform/database/transact';
import { Prisma, type Product } from '../../../prisma/generated/client/client';
import { pickChanges, type ProductColumn, type ProductColumns } from '../domain/productChanges';

export type { Product };

export type NewProduct = ProductColumns & Required<Pick<ProductColumns, 'sku' | 'name' | 'price'>>;

export interface ProductChange {
  before: Product;
  after: Product;
  changed: ProductColumn[];
}

export interface UpsertOutcome {
  created: Product[];
  updated: ProductChange[];
  unchanged: Product[];
}

/** Thrown when a write would give two products the same sku. */
export class SkuTakenError extends Error {
  constructor(readonly sku: string) {
    super(`sku ${sku} is taken`);
  }
}

/** Another product already has this GTIN (the unique index said so). */
export class GtinTakenError extends Error {
  constructor(readonly gtin: string) {
    super(`gtin ${gtin} is taken`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** Which unique column a violation is about: the error names the constraint's fields (in its meta). */
function violatesGtin(error: unknown): boolean {
  return isUniqueViolation(error) && JSON.stringify((error as Prisma.PrismaClientKnownRequestError).meta ?? {}).includes('gtin');
}

/** Prisma wants a marker, not null, to store SQL NULL in a JSON column. */
function toData(columns: ProductColumns): Prisma.ProductUncheckedUpdateInput {
  const { nutrition, images, ...rest } = columns;
  return {
    ...rest,
    ...(images !== undefined ? { images: images as unknown as Prisma.InputJsonValue } : {}),
    ...(nutrition !== undefined ? { nutrition: nutrition === null ? Prisma.DbNull : (nutrition as Prisma.InputJsonValue) } : {}),
  };
}

const TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

/** The catalog's products: the only code of the products subgraph that reads or writes them. */
export class ProductRepository {
  constructor(private readonly prisma: Db) {}

  findByIds(ids: string[]): Promise<Product[]> {
    return this.prisma.product.findMany({ where: { id: { in: ids } } });
  }

  findBySkus(skus: string[]): Promise<Product[]> {
    return this.prisma.product.findMany({ where: { sku: { in: skus } } });
  }

  /** By GTIN-14 (domain/gtin.ts). */
  findByGtins(gtins: string[]): Promise<Product[]> {
    return this.prisma.product.findMany({ where: { gtin: { in: gtins } } });
  }

  count(): Promise<number> {
    return this.prisma.product.count();
  }

  async create(product: NewProduct): Promise<Product> {
    try {
      return await this.prisma.product.create({ data: { ...(toData(product) as Prisma.ProductUncheckedCreateInput), id: crypto.randomUUID() } });
    } catch (error) {
      if (violatesGtin(error)) throw new GtinTakenError(product.gtin ?? '');
      if (isUniqueViolation(error)) throw new SkuTakenError(product.sku);
      throw error;
    }
  }

  /**
   * Applies the columns that differ, under a row lock so `before` is the
   * state the change was made against. Nothing is written (and updatedAt
   * stays) when nothing differs. Null when there is no such product.
   */
  async update(id: string, patch: ProductColumns): Promise<ProductChange | null> {
    try {
      return await transact(this.prisma, async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM catalog.product WHERE id = ${id}::uuid FOR UPDATE`;
        if (locked.length === 0) return null;
        const before = await tx.product.findUniqueOrThrow({ where: { id } });
        const { changed, changes } = pickChanges(before, patch);
        if (changed.length === 0) return { before, after: before, changed };
        const after = await tx.product.update({ where: { id }, data: toData(changes) });
        return { before, after, changed };
      }, TRANSACTION);
    } catch (error) {
      if (violatesGtin(error) && patch.gtin) throw new GtinTakenError(patch.gtin);
      if (isUniqueViolation(error) && patch.sku) throw new SkuTakenError(patch.sku);
      throw error;
    }
  }

  /** Sets archivedAt once: archiving twice changes nothing (`archivedNow` false). Null when unknown. */
  async archive(id: string): Promise<{ product: Product; archivedNow: boolean } | null> {
    const updated = await this.prisma.product.updateManyAndReturn({ where: { id, archivedAt: null }, data: { archivedAt: new Date() } });
    if (updated[0]) return { product: updated[0], archivedNow: true };
    const product = await this.prisma.product.findUnique({ where: { id } });
    return product ? { product, archivedNow: false } : null;
  }

  /**
   * Creates or updates many products by sku in one transaction: all or
   * nothing. Rows equal to what is stored are not written at all.
   */
  /**
   * `whenNew` gives columns a row gets only when it creates its product (what the row
   * itself names still wins): an existing product keeps them as they are.
   */
  async upsertBySku(rows: NewProduct[], whenNew: (row: NewProduct) => ProductColumns = () => ({})): Promise<UpsertOutcome> {
    try {
      return await this.upsertInTransaction(rows, whenNew);
    } catch (error) {
      // The caller checks GTINs against the catalog first; a clash here is a writer in between.
      if (violatesGtin(error)) throw new GtinTakenError(rows.flatMap((row) => (row.gtin ? [row.gtin] : [])).join(', '));
      // Another writer created one of these skus between our read and our insert.
      if (isUniqueViolation(error)) throw new SkuTakenError(rows.map((row) => row.sku).join(', '));
      throw error;
    }
  }

  private upsertInTransaction(rows: NewProduct[], whenNew: (row: NewProduct) => ProductColumns): Promise<UpsertOutcome> {
    return transact(this.prisma, async (tx) => {
      const skus = rows.map((row) => row.sku);
      await tx.$queryRaw`SELECT 1 FROM catalog.product WHERE sku = ANY(${skus}::text[]) FOR UPDATE`;
      const existing = new Map((await tx.product.findMany({ where: { sku: { in: skus } } })).map((p) => [p.sku, p]));
      const outcome: UpsertOutcome = { created: [], updated: [], unchanged: [] };
      const toCreate: Prisma.ProductCreateManyInput[] = [];
      for (const row of rows) {
        const before = existing.get(row.sku);
        if (!before) {
          toCreate.push({ ...(toData({ ...whenNew(row), ...row }) as Prisma.ProductCreateManyInput), id: crypto.randomUUID() });
          continue;
        }
        const { changed, changes } = pickChanges(before, row);
        if (changed.length === 0) {
          outcome.unchanged.push(before);
          continue;
        }
        const after = await tx.product.update({ where: { id: before.id }, data: toData(changes) });
        outcome.updated.push({ before, after, changed });
      }
      if (toCreate.length > 0) {
        outcome.created = await tx.product.createManyAndReturn({ data: toCreate });
      }
      return outcome;
    }, TRANSACTION);
  }

  /** Inserts products whose id is not there yet (the demo seed); returns how many were new. */
  async insertMissing(products: (NewProduct & { id: string; createdAt?: Date })[]): Promise<number> {
    const result = await this.prisma.product.createMany({
      data: products.map(({ id, createdAt, ...product }) => ({ ...(toData(product) as Prisma.ProductCreateManyInput), id, createdAt })),
      skipDuplicates: true,
    });
    return result.count;
  }
}
