import crypto from 'node:crypto';
import type DataLoader from 'dataloader';
import { badUserInput, notFound } from '../../../platform/errors';
import { outboxEvent } from '../../../platform/events/outbox/outboxEvent';
import type { ProductSnapshot } from '../../../platform/events/topics';
import type { CatalogProduct } from '../catalog/catalogClient';
import type { CartRepository, LockedCart } from '../data/cartRepository';
import { availabilityProblem, priceSnapshot } from './availability';
import { CartCommandRunner, type Applied, type CommandOptions } from './cartCommand';
import { cartView, type CartView } from './cartView';
import { newInteraction, type Interaction } from './interactions';
import { Decimal, ZERO } from './money';
import { orderView, type OrderView } from './orderView';
import { conflictBecause, productUnavailable } from './usersErrors';

export type CatalogLookup = DataLoader<string, CatalogProduct | null>;

const MAX_QUANTITY = 999;

type Lookup = { product: CatalogProduct | null } | { error: unknown };

function cartCurrencyClash(cart: LockedCart, product: CatalogProduct): string | null {
  const other = cart.state.items.find((item) => item.productId !== product.id);
  return other && other.currency !== product.currency ? `is priced in ${product.currency}, the cart in ${other.currency}` : null;
}

/** Records the interactions in the cart's transaction and returns their events (for its outbox). */
async function record(cart: LockedCart, interactions: Interaction[]): Promise<Applied<never>['events']> {
  const created = interactions.map((interaction) => newInteraction(interaction));
  await cart.recordInteractions(created.map((c) => c.row));
  return created.map((c) => c.event);
}

const theCart = (after: CartView) => after;

/** One line of addItems. */
export interface CartLine {
  productId: string;
  quantity: number;
  recommendationId?: string;
}

/** An earlier line of the same call priced in another currency (the cart may still be empty). */
function currencyClashWithin(earlier: readonly CartLine[], products: ReadonlyMap<string, CatalogProduct>, product: CatalogProduct): string | null {
  const other = earlier.map((line) => products.get(line.productId)).find((p) => p && p.currency !== product.currency);
  return other ? `is priced in ${product.currency}, the other lines in ${other.currency}` : null;
}

/** What a shopper can do to a cart, and how catalog changes reach the carts. */
export class CartService {
  private readonly runner: CartCommandRunner;

  constructor(private readonly carts: CartRepository) {
    this.runner = new CartCommandRunner(carts);
  }

  /** The shopper's cart as shown: `shopper` is the session's (its budget is not read again). */
  async view(shopper: { id: string; budgetLimit: Decimal | null }): Promise<CartView> {
    return cartView(await this.carts.read(shopper));
  }

  /** `recommendationId`: what the product was added from; kept on the line for its PURCHASE (attribution). */
  addItem(shopperId: string, productId: string, quantity: number, options: CommandOptions, catalog: CatalogLookup, recommendationId?: string): Promise<CartView> {
    return this.runner.run(shopperId, {
      operation: 'addToCart',
      payload: { productId, quantity, expectedVersion: options.expectedVersion ?? null, ...(recommendationId ? { recommendationId } : {}) },
      options,
      prepare: () => catalog.load(productId),
      apply: async (cart, product) => {
        if (!product) throw notFound('Product', productId);
        const wanted = (cart.item(productId)?.quantity ?? 0) + quantity;
        if (wanted > MAX_QUANTITY) throw badUserInput('quantity', `would make ${wanted} in the cart; at most ${MAX_QUANTITY} of a product`);
        const problem = availabilityProblem(product, wanted);
        if (problem) throw productUnavailable(product.archived || product.stockQuantity <= 0 ? 'productId' : 'quantity', productId, problem);
        const clash = cartCurrencyClash(cart, product);
        if (clash) throw productUnavailable('productId', productId, clash);
        await cart.putItem(productId, wanted, priceSnapshot(product), recommendationId);
        return { events: await record(cart, [{ shopperId, type: 'ADD_TO_CART', productId, quantity, recommendationId: recommendationId ?? null }]), response: theCart };
      },
    });
  }

  /**
   * Several lines in one transaction, all or nothing: each is checked as
   * addItem checks one (with what earlier lines of the same call add) before
   * anything is written. A product named twice gets both quantities.
   */
  addItems(shopperId: string, lines: readonly CartLine[], options: CommandOptions, catalog: CatalogLookup): Promise<CartView> {
    return this.runner.run(shopperId, {
      operation: 'addItemsToCart',
      payload: { lines: lines.map((line) => ({ ...line })), expectedVersion: options.expectedVersion ?? null },
      options,
      prepare: async () => {
        const found = await catalog.loadMany([...new Set(lines.map((line) => line.productId))]);
        const failure = found.find((p): p is Error => p instanceof Error);
        if (failure) throw failure;
        return new Map((found as (CatalogProduct | null)[]).filter((p): p is CatalogProduct => p !== null).map((p) => [p.id, p]));
      },
      apply: async (cart, products) => {
        const wanted = new Map<string, number>();
        lines.forEach((line, n) => {
          const field = `items.${n}.productId`;
          const product = products.get(line.productId);
          if (!product) throw productUnavailable(field, line.productId, 'is not in the catalog');
          const total = (wanted.get(line.productId) ?? cart.item(line.productId)?.quantity ?? 0) + line.quantity;
          if (total > MAX_QUANTITY) throw badUserInput(`items.${n}.quantity`, `would make ${total} in the cart; at most ${MAX_QUANTITY} of a product`);
          const problem = availabilityProblem(product, total);
          if (problem) throw productUnavailable(product.archived || product.stockQuantity <= 0 ? field : `items.${n}.quantity`, line.productId, problem);
          const clash = cartCurrencyClash(cart, product) ?? currencyClashWithin(lines.slice(0, n), products, product);
          if (clash) throw productUnavailable(field, line.productId, clash);
          wanted.set(line.productId, total);
        });
        for (const [productId, total] of wanted) {
          const recommendationId = lines.find((line) => line.productId === productId && line.recommendationId)?.recommendationId;
          await cart.putItem(productId, total, priceSnapshot(products.get(productId)!), recommendationId);
        }
        const interactions = lines.map(
          (line): Interaction => ({ shopperId, type: 'ADD_TO_CART', productId: line.productId, quantity: line.quantity, recommendationId: line.recommendationId ?? null }),
        );
        return { events: await record(cart, interactions), response: theCart };
      },
    });
  }

  setQuantity(shopperId: string, productId: string, quantity: number, options: CommandOptions, catalog: CatalogLookup): Promise<CartView> {
    return this.runner.run(shopperId, {
      operation: 'updateCartItem',
      payload: { productId, quantity, expectedVersion: options.expectedVersion ?? null },
      options,
      // Lowering a quantity must work even while the catalog is down: its failure only matters when raising one.
      prepare: (): Promise<Lookup> => catalog.load(productId).then((product) => ({ product }), (error: unknown) => ({ error })),
      apply: async (cart, lookup) => {
        const existing = cart.item(productId);
        if (!existing) throw notFound('CartItem', productId);
        if (quantity === existing.quantity) return { events: [], response: theCart };
        if ('error' in lookup && quantity > existing.quantity) throw lookup.error;
        const product = 'product' in lookup ? lookup.product : null;
        if (quantity > existing.quantity) {
          if (!product) throw productUnavailable('productId', productId, 'is no longer sold');
          const problem = availabilityProblem(product, quantity);
          if (problem) throw productUnavailable('quantity', productId, problem);
        }
        if (product && !product.archived && !cartCurrencyClash(cart, product)) await cart.putItem(productId, quantity, priceSnapshot(product));
        else await cart.setQuantity(productId, quantity);
        const delta = quantity - existing.quantity;
        const type = delta > 0 ? 'ADD_TO_CART' : 'REMOVE_FROM_CART';
        return { events: await record(cart, [{ shopperId, type, productId, quantity: Math.abs(delta) }]), response: theCart };
      },
    });
  }

  removeItem(shopperId: string, productId: string, options: CommandOptions): Promise<CartView> {
    return this.runner.run(shopperId, {
      operation: 'removeFromCart',
      payload: { productId, expectedVersion: options.expectedVersion ?? null },
      options,
      prepare: async () => undefined,
      apply: async (cart) => {
        const existing = cart.item(productId);
        if (!existing) throw notFound('CartItem', productId);
        await cart.removeItem(productId);
        return {
          events: await record(cart, [{ shopperId, type: 'REMOVE_FROM_CART', productId, quantity: existing.quantity }]),
          response: theCart,
        };
      },
    });
  }

  clear(shopperId: string, options: CommandOptions): Promise<CartView> {
    return this.runner.run(shopperId, {
      operation: 'clearCart',
      payload: { expectedVersion: options.expectedVersion ?? null },
      options,
      prepare: async () => undefined,
      apply: async (cart) => {
        const removed = cart.state.items.map(
          (item): Interaction => ({ shopperId, type: 'REMOVE_FROM_CART', productId: item.productId, quantity: item.quantity }),
        );
        await cart.removeAllItems();
        return { events: await record(cart, removed), response: theCart };
      },
    });
  }

  /** An order at the catalog's current prices, after checking stock again; the cart ends up empty. */
  checkout(shopperId: string, options: CommandOptions, catalog: CatalogLookup): Promise<OrderView> {
    return this.runner.run(shopperId, {
      operation: 'checkout',
      payload: { expectedVersion: options.expectedVersion ?? null },
      options,
      prepare: async () => {
        const ids = (await this.carts.load(shopperId)).items.map((item) => item.productId);
        const found = await catalog.loadMany(ids);
        const failure = found.find((p): p is Error => p instanceof Error);
        if (failure) throw failure;
        return new Map(ids.map((id, i) => [id, found[i] as CatalogProduct | null]));
      },
      apply: async (cart, products) => {
        const items = cart.state.items;
        if (items.length === 0) throw badUserInput('cart', 'is empty: add something before checking out');
        let subtotal = ZERO;
        let total = ZERO;
        const lines = items.map((item) => {
          const product = products.get(item.productId);
          // Added by a request that slipped in between the lookup and the lock.
          if (product === undefined) throw conflictBecause('The cart changed during checkout; try again');
          if (!product) throw productUnavailable('cart', item.productId, `product ${item.productId} is no longer sold`);
          const problem = availabilityProblem(product, item.quantity);
          if (problem) throw productUnavailable('cart', item.productId, `${product.name} ${problem}`);
          if (product.currency !== items[0]!.currency) {
            throw productUnavailable('cart', item.productId, `${product.name} is priced in ${product.currency}, the cart in ${items[0]!.currency}`);
          }
          const unitPrice = new Decimal(product.effectivePrice);
          subtotal = subtotal.add(new Decimal(product.price).mul(item.quantity));
          total = total.add(unitPrice.mul(item.quantity));
          return { productId: item.productId, quantity: item.quantity, unitPrice, recommendationId: item.recommendationId };
        });
        const order = await cart.createOrder({
          id: crypto.randomUUID(),
          subtotal,
          discount: Decimal.max(subtotal.sub(total), ZERO),
          total,
          currency: items[0]!.currency,
          items: lines.map(({ productId, quantity, unitPrice }) => ({ productId, quantity, unitPrice })),
        });
        // Each PURCHASE carries what its line was added from and what it cost (revenue of experiments).
        const purchases = lines.map(
          (line): Interaction => ({
            shopperId,
            type: 'PURCHASE',
            productId: line.productId,
            basketId: order.id,
            quantity: line.quantity,
            recommendationId: line.recommendationId,
            unitPrice: line.unitPrice.toFixed(2),
          }),
        );
        const interactionEvents = await record(cart, purchases);
        await cart.removeAllItems();
        const placed = orderView(order);
        return {
          events: [
            outboxEvent('carts', 'order.placed', placed.id, {
                orderId: placed.id,
                shopperId,
                items: placed.items.map(({ productId, quantity, unitPrice }) => ({ productId, quantity, unitPrice })),
                total: placed.total,
                occurredAt: placed.createdAt,
              }),
            ...interactionEvents,
          ],
          response: () => placed,
        };
      },
    });
  }

  /**
   * A change to a shopper's cart that also writes outside it, in the same
   * transaction (sign-in's merge): under the cart's lock, one version step,
   * cart events in the outbox of that transaction.
   */
  changeWith<R>(shopperId: string, operation: string, change: (cart: LockedCart) => Promise<R>): Promise<R> {
    return this.runner.run(shopperId, {
      operation,
      payload: {},
      options: {},
      prepare: async () => undefined,
      apply: async (cart) => {
        const result = await change(cart);
        return { events: [], response: () => result };
      },
    });
  }

  /** Copies a product's new price (and score) onto every cart holding it; returns how many carts changed. */
  async applyCatalogChange(snapshot: ProductSnapshot): Promise<number> {
    let changed = 0;
    for (const shopperId of await this.carts.shopperIdsWithProduct(snapshot.productId)) {
      const refreshed = await this.runner.run(shopperId, {
        operation: 'catalogChange',
        payload: {},
        options: {},
        prepare: async () => undefined,
        apply: async (cart) => {
          const updated = await cart.refreshItem(snapshot.productId, {
            unitPrice: snapshot.effectivePrice,
            listPrice: snapshot.price,
            currency: snapshot.currency,
            sustainabilityScore: snapshot.sustainabilityScore,
          });
          return { events: [], response: () => updated };
        },
      });
      if (refreshed) changed += 1;
    }
    return changed;
  }
}
