import crypto from 'node:crypto';
import { transact, type Db } from '../../../platform/database/transact';
import { Prisma, type Category } from '../../../prisma/generated/client/client';

export type { Category };

export interface CategoryFields {
  name: string;
  slug: string;
  parentId: string | null;
}

/** Why a category write was refused; the resolvers turn these into GraphQL errors. */
export type CategoryWriteProblem =
  | { kind: 'slug-taken' }
  | { kind: 'unknown-parent' }
  | { kind: 'cycle' }
  | { kind: 'not-empty'; products: number; children: number };

export class CategoryWriteError extends Error {
  constructor(readonly problem: CategoryWriteProblem) {
    super(problem.kind);
  }
}

const TRANSACTION = { maxWait: 10_000, timeout: 30_000 };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** The category tree. Small and read-mostly; every read here is one statement for any number of ids. */
export class CategoryRepository {
  constructor(private readonly prisma: Db) {}

  findByIds(ids: string[]): Promise<Category[]> {
    return this.prisma.category.findMany({ where: { id: { in: ids } } });
  }

  findBySlugs(slugs: string[]): Promise<Category[]> {
    return this.prisma.category.findMany({ where: { slug: { in: slugs } } });
  }

  findRoots(): Promise<Category[]> {
    return this.prisma.category.findMany({ where: { parentId: null }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  }

  findChildren(parentIds: string[]): Promise<Category[]> {
    return this.prisma.category.findMany({ where: { parentId: { in: parentIds } }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  }

  /** The ancestors of each category, nearest first, with one recursive query for all of them. */
  async ancestors(ids: string[]): Promise<Map<string, Category[]>> {
    const rows = await this.prisma.$queryRaw<(Category & { startId: string })[]>`
      WITH RECURSIVE up AS (
        SELECT c.id AS start_id, c.parent_id AS next_id, 0 AS depth
        FROM catalog.category c WHERE c.id = ANY(${ids}::uuid[])
        UNION ALL
        SELECT up.start_id, p.parent_id, up.depth + 1
        FROM up JOIN catalog.category p ON p.id = up.next_id
        WHERE up.depth < 64
      )
      SELECT up.start_id::text AS "startId", a.id::text AS id, a.slug, a.name, a.parent_id::text AS "parentId",
             a.created_at AS "createdAt", a.updated_at AS "updatedAt"
      FROM up JOIN catalog.category a ON a.id = up.next_id
      ORDER BY up.start_id, up.depth`;
    const byStart = new Map<string, Category[]>(ids.map((id) => [id, []]));
    for (const { startId, ...category } of rows) byStart.get(startId)?.push(category);
    return byStart;
  }

  async create(fields: CategoryFields): Promise<Category> {
    const id = crypto.randomUUID();
    return this.write(async (tx) => {
      if (fields.parentId) await this.requireParent(tx, id, fields.parentId);
      return tx.category.create({ data: { id, ...fields } });
    });
  }

  /** Null when there is no such category. */
  async update(id: string, fields: Partial<CategoryFields>): Promise<{ before: Category; after: Category } | null> {
    return this.write(async (tx) => {
      const before = await tx.category.findUnique({ where: { id } });
      if (!before) return null;
      if (fields.parentId) await this.requireParent(tx, id, fields.parentId);
      const after = await tx.category.update({ where: { id }, data: fields });
      return { before, after };
    });
  }

  /** Deletes a category that has neither products nor children. Null when there is no such category. */
  async delete(id: string): Promise<Category | null> {
    return this.write(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM catalog.category WHERE id = ${id}::uuid FOR UPDATE`;
      if (locked.length === 0) return null;
      const products = await tx.product.count({ where: { categoryId: id } });
      const children = await tx.category.count({ where: { parentId: id } });
      if (products > 0 || children > 0) throw new CategoryWriteError({ kind: 'not-empty', products, children });
      return tx.category.delete({ where: { id } });
    });
  }

  /** Creates the categories whose slug is missing (the demo seed and imports); returns all of them by slug, and the new ones. */
  async ensure(categories: (CategoryFields & { id: string })[]): Promise<{ bySlug: Map<string, Category>; created: Category[] }> {
    const existing = await this.findBySlugs(categories.map((c) => c.slug));
    const taken = new Set(existing.map((c) => c.slug));
    const missing = categories.filter((c) => !taken.has(c.slug));
    const created = missing.length > 0 ? await this.prisma.category.createManyAndReturn({ data: missing, skipDuplicates: true }) : [];
    return { bySlug: new Map([...existing, ...created].map((category) => [category.slug, category])), created };
  }

  /** The parent must exist and must not be the category itself or one of its descendants. */
  private async requireParent(tx: Prisma.TransactionClient, id: string, parentId: string): Promise<void> {
    const chain = await tx.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE up AS (
        SELECT id, parent_id, 0 AS depth FROM catalog.category WHERE id = ${parentId}::uuid
        UNION ALL
        SELECT c.id, c.parent_id, up.depth + 1 FROM catalog.category c JOIN up ON c.id = up.parent_id WHERE up.depth < 64
      )
      SELECT id::text FROM up`;
    if (chain.length === 0) throw new CategoryWriteError({ kind: 'unknown-parent' });
    if (chain.some((row) => row.id === id)) throw new CategoryWriteError({ kind: 'cycle' });
  }

  private async write<T>(run: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    try {
      return await transact(this.prisma, run, TRANSACTION);
    } catch (error) {
      if (isUniqueViolation(error)) throw new CategoryWriteError({ kind: 'slug-taken' });
      throw error;
    }
  }
}
