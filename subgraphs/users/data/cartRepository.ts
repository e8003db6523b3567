import type { PrismaClient } from '../../../platform/database/database';
import { Prisma, type CartItem, type IdempotencyRecord, type Order, type OrderItem } from '../../../prisma/generated/client/client';

export interface CartState {
  id: string;
  shopperId: string;
  version: number;
  updatedAt: Date;
  budgetLimit: Prisma.Decimal | null;
  items: CartItem[];
}

/** The catalog's facts copied onto a cart line. */
export interface PriceSnapshot {
  unitPrice: string;
  listPrice: string;
  currency: string;
  sustainabilityScore: number | null;
}

export interface NewOrder {
  id: string;
  subtotal: Prisma.Decimal;
  discount: Prisma.Decimal;
  total: Prisma.Decimal;
  currency: string;
  items: { productId: string; quantity: number; unitPrice: Prisma.Decimal }[];
}

const CART_FIELDS = { id: true, shopperId: true, version: true, updatedAt: true } as const;

const ITEM_ORDER = [{ addedAt: 'asc' }, { productId: 'asc' }] satisfies Prisma.CartItemOrderByWithRelationInput[];

// Many shoppers' carts change at once and 50 requests may hit one cart: a
// transaction may wait a while for the cart's row lock or a pooled connection.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

async function readState(client: Prisma.TransactionClient | PrismaClient, cart: { id: string; shopperId: string; version: number; updatedAt: Date }): Promise<CartState> {
  const [items, shopper] = await Promise.all([
    client.cartItem.findMany({ where: { cartId: cart.id }, orderBy: ITEM_ORDER }),
    client.shopper.findUniqueOrThrow({ where: { id: cart.shopperId }, select: { budgetLimit: true } }),
  ]);
  return { ...cart, budgetLimit: shopper.budgetLimit, items };
}

/**
 * A cart locked for one transaction. Every change to a cart goes through
 * here, under the row lock, so concurrent requests queue instead of
 * overwriting each other.
 */
export class LockedCart {
  private changed = false;

  constructor(
    private readonly tx: Prisma.TransactionClient,
    public state: CartState,
  ) {}

  /** The transaction holding the lock, for writes that must commit with the cart's (sign-in's merge). */
  get transaction(): Prisma.TransactionClient {
    return this.tx;
  }

  item(productId: string): CartItem | undefined {
    return this.state.items.find((item) => item.productId === productId);
  }

  idempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return this.tx.idempotencyRecord.findUnique({ where: { shopperId_key: { shopperId: this.state.shopperId, key } } });
  }

  async saveIdempotencyRecord(key: string, operation: string, requestHash: string, response: Prisma.InputJsonValue): Promise<void> {
    await this.tx.idempotencyRecord.create({ data: { shopperId: this.state.shopperId, key, operation, requestHash, response } });
  }

  /** A line added again without a recommendation keeps the one it had. */
  async putItem(productId: string, quantity: number, snapshot: PriceSnapshot, recommendationId?: string): Promise<void> {
    const from = recommendationId ? { recommendationId } : {};
    await this.tx.cartItem.upsert({
      where: { cartId_productId: { cartId: this.state.id, productId } },
      create: { cartId: this.state.id, productId, quantity, ...snapshot, ...from },
      update: { quantity, ...snapshot, ...from },
    });
    this.changed = true;
  }

  async setQuantity(productId: string, quantity: number): Promise<void> {
    await this.tx.cartItem.update({ where: { cartId_productId: { cartId: this.state.id, productId } }, data: { quantity } });
    this.changed = true;
  }

  /** Copies a newer catalog snapshot onto a line; false when it already matched. */
  async refreshItem(productId: string, snapshot: PriceSnapshot): Promise<boolean> {
    const item = this.item(productId);
    if (
      !item ||
      (item.unitPrice.equals(snapshot.unitPrice) &&
        item.listPrice.equals(snapshot.listPrice) &&
        item.currency === snapshot.currency &&
        item.sustainabilityScore === snapshot.sustainabilityScore)
    ) {
      return false;
    }
    await this.tx.cartItem.update({ where: { cartId_productId: { cartId: this.state.id, productId } }, data: snapshot });
    this.changed = true;
    return true;
  }

  async removeItem(productId: string): Promise<void> {
    await this.tx.cartItem.delete({ where: { cartId_productId: { cartId: this.state.id, productId } } });
    this.changed = true;
  }

  async removeAllItems(): Promise<void> {
    if (this.state.items.length === 0) return;
    await this.tx.cartItem.deleteMany({ where: { cartId: this.state.id } });
    this.changed = true;
  }

  async recordInteractions(rows: Prisma.InteractionEventCreateManyInput[]): Promise<void> {
    if (rows.length > 0) await this.tx.interactionEvent.createMany({ data: rows });
  }

  createOrder(order: NewOrder): Promise<Order & { items: OrderItem[] }> {
    const { items, ...totals } = order;
    return this.tx.order.create({
      data: { ...totals, shopperId: this.state.shopperId, items: { createMany: { data: items } } },
      include: { items: true },
    });
  }

  /** After the changes: one version step for the lot, and the state re-read. */
  async finish(): Promise<CartState> {
    if (!this.changed) return this.state;
    const cart = await this.tx.cart.update({
      where: { id: this.state.id },
      data: { version: { increment: 1 } },
      select: CART_FIELDS,
    });
    this.state = await readState(this.tx, cart);
    this.changed = false;
    return this.state;
  }
}

/** One row of `read`'s join: the cart's columns, and one item's (all null for an empty cart). */
interface CartItemRow {
  id: string;
  shopperId: string;
  version: number;
  updatedAt: Date;
  productId: string | null;
  quantity: number | null;
  unitPrice: string | null;
  listPrice: string | null;
  currency: string | null;
  sustainabilityScore: number | null;
  recommendationId: string | null;
  addedAt: Date | null;
  itemUpdatedAt: Date | null;
}

/** The users subgraph's carts: one per shopper, created on first use. */
export class CartRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The cart page's read: the cart and its items in one statement (a join,
   * in the items' order), the budget taken from the shopper the caller
   * already holds (the session's). A shopper without a cart yet gets one
   * through `load`.
   */
  async read(shopper: { id: string; budgetLimit: Prisma.Decimal | null }): Promise<CartState> {
    const rows = await this.prisma.$queryRaw<CartItemRow[]>`
      SELECT c.id::text AS "id", c.shopper_id::text AS "shopperId", c.version AS "version", c.updated_at AS "updatedAt",
             i.product_id::text AS "productId", i.quantity AS "quantity", i.unit_price::text AS "unitPrice", i.list_price::text AS "listPrice",
             i.currency::text AS "currency", i.sustainability_score AS "sustainabilityScore", i.recommendation_id AS "recommendationId",
             i.added_at AS "addedAt", i.updated_at AS "itemUpdatedAt"
        FROM "shoppers"."cart" c LEFT JOIN "shoppers"."cart_item" i ON i.cart_id = c.id
       WHERE c.shopper_id = ${shopper.id}::uuid
       ORDER BY i.added_at ASC, i.product_id ASC`;
    const first = rows[0];
    if (!first) return this.load(shopper.id);
    const items: CartItem[] = rows
      .filter((row) => row.productId !== null)
      .map((row) => ({
        cartId: first.id,
        productId: row.productId!,
        quantity: row.quantity!,
        unitPrice: new Prisma.Decimal(row.unitPrice!),
        listPrice: new Prisma.Decimal(row.listPrice!),
        currency: row.currency!,
        sustainabilityScore: row.sustainabilityScore,
        recommendationId: row.recommendationId,
        addedAt: new Date(row.addedAt!),
        updatedAt: new Date(row.itemUpdatedAt!),
      }));
    return { id: first.id, shopperId: first.shopperId, version: Number(first.version), updatedAt: new Date(first.updatedAt), budgetLimit: shopper.budgetLimit, items };
  }

  async load(shopperId: string): Promise<CartState> {
    let cart = await this.prisma.cart.findUnique({ where: { shopperId }, select: CART_FIELDS });
    if (!cart) {
      await this.prisma.cart.createMany({ data: [{ shopperId }], skipDuplicates: true });
      cart = await this.prisma.cart.findUniqueOrThrow({ where: { shopperId }, select: CART_FIELDS });
    }
    return readState(this.prisma, cart);
  }

  idempotencyRecord(shopperId: string, key: string): Promise<IdempotencyRecord | null> {
    return this.prisma.idempotencyRecord.findUnique({ where: { shopperId_key: { shopperId, key } } });
  }

  /** Runs `fn` in a transaction holding the shopper's cart row lock (SELECT … FOR UPDATE). */
  withLockedCart<T>(shopperId: string, fn: (cart: LockedCart) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.cart.createMany({ data: [{ shopperId }], skipDuplicates: true });
      // Taken before anything is read, so what follows sees the last committed change.
      await tx.$queryRaw`SELECT 1 FROM "shoppers"."cart" WHERE shopper_id = ${shopperId}::uuid FOR UPDATE`;
      const cart = await tx.cart.findUniqueOrThrow({ where: { shopperId }, select: CART_FIELDS });
      return fn(new LockedCart(tx, await readState(tx, cart)));
    }, TRANSACTION_OPTIONS);
  }

  /** Shoppers whose cart holds the product: whom a catalog change concerns. */
  async shopperIdsWithProduct(productId: string): Promise<string[]> {
    const carts = await this.prisma.cart.findMany({ where: { items: { some: { productId } } }, select: { shopperId: true } });
    return carts.map((cart) => cart.shopperId);
  }
}
