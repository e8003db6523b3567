import type { PrismaClient } from '../../../platform/database/database';
import { OrderHistoryRepository, type OrderHistoryChunk } from '../data/orderHistoryRepository';
import { deterministicUuid } from '../domain/deterministicId';
import { DEFAULT_CURRENCY } from '../domain/money';
import type { OrderLineItem, OrderLineProblem } from './orderLines';

// A real order history (another shop system's orders) as shoppers, orders and
// purchases: each customer becomes one shopper with the customer id as its
// external id, each order keeps its id and its time, and every line is a
// PURCHASE interaction dated when the order was placed, so trending and
// recency see the history as it happened.

/** What the catalog knows of a SKU: the product and its price now (used when a line gives none). */
export interface CatalogEntry {
  productId: string;
  price: string;
}

export interface OrderHistoryReport {
  /** Rows read. */
  lines: number;
  orders: { created: number; unchanged: number };
  /** Customers seen for the first time. */
  customers: number;
  /** PURCHASE interactions recorded. */
  events: number;
  /** Every problem; when there is one, nothing was written. */
  errors: OrderLineProblem[];
}

const MAX_ID = 128;
const MAX_QUANTITY = 100_000;
const MONEY = /^\d{1,10}(\.\d{1,2})?$/;
// An ISO 8601 date, with an optional time and zone.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
// A little skew between clocks is not an error; an order from tomorrow is.
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
// Orders per transaction: complete orders only, so an order is all there or not at all.
const ORDERS_PER_CHUNK = 2000;
// Problems kept for the report: a file that is wrong throughout says so without filling memory.
const MAX_PROBLEMS = 1000;

interface PendingOrder {
  line: number;
  customerId: string;
  at: number;
  /** productId → line */
  items: Map<string, { quantity: number; unitPrice: string; line: number }>;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Reads every row, checks all of them, and writes only when none has a
 * problem: every problem is reported with its line, field and reason. An
 * order already imported (same order id) is left as it is, so a second run
 * creates nothing. `catalog` resolves SKUs; an unknown SKU is a problem of
 * its row, not a new product.
 */
export async function importOrderHistory(
  prisma: PrismaClient,
  rows: AsyncIterable<OrderLineItem>,
  catalog: ReadonlyMap<string, CatalogEntry>,
): Promise<OrderHistoryReport> {
  const errors: OrderLineProblem[] = [];
  let problemCount = 0;
  const problem = (line: number, field: string, reason: string) => {
    problemCount++;
    if (errors.length < MAX_PROBLEMS) errors.push({ line, field, reason });
  };
  const orders = new Map<string, PendingOrder>();
  const now = Date.now();
  let lines = 0;

  for await (const item of rows) {
    if ('problem' in item) {
      problem(item.problem.line, item.problem.field, item.problem.reason);
      continue;
    }
    lines++;
    const { line, cells } = item.row;
    const before = problemCount;
    const orderId = text(cells.orderId);
    if (!orderId) problem(line, 'orderId', cells.orderId === undefined ? 'is required' : 'must be text');
    else if (orderId.length > MAX_ID) problem(line, 'orderId', `must be at most ${MAX_ID} characters`);
    const customerId = text(cells.customerId);
    if (!customerId) problem(line, 'customerId', cells.customerId === undefined ? 'is required' : 'must be text');
    else if (customerId.length > MAX_ID) problem(line, 'customerId', `must be at most ${MAX_ID} characters`);
    const sku = text(cells.sku);
    const product = sku ? catalog.get(sku) : undefined;
    if (!sku) problem(line, 'sku', cells.sku === undefined ? 'is required' : 'must be text');
    else if (!product) problem(line, 'sku', `${sku} is not a product of the catalog`);
    const quantityText = text(cells.quantity);
    const quantity = quantityText && /^\d+$/.test(quantityText) ? Number(quantityText) : NaN;
    if (cells.quantity === undefined) problem(line, 'quantity', 'is required');
    else if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) problem(line, 'quantity', `must be a whole number from 1 to ${MAX_QUANTITY}`);
    const orderedAtText = text(cells.orderedAt);
    const at = orderedAtText && TIMESTAMP.test(orderedAtText) ? Date.parse(orderedAtText.replace(' ', 'T')) : NaN;
    if (cells.orderedAt === undefined) problem(line, 'orderedAt', 'is required');
    else if (Number.isNaN(at)) problem(line, 'orderedAt', 'must be an ISO 8601 date and time, e.g. 2024-05-01T17:30:00Z');
    else if (at > now + FUTURE_SLACK_MS) problem(line, 'orderedAt', 'is in the future');
    const unitPrice = cells.unitPrice === undefined ? product?.price : text(cells.unitPrice);
    if (cells.unitPrice !== undefined && !(unitPrice && MONEY.test(unitPrice))) problem(line, 'unitPrice', 'must be an amount like 3.49 (0 or more, at most 2 decimals)');
    if (problemCount > before || !orderId || !customerId || !product || !unitPrice) continue;

    // The lines of one order must agree on whose and when it is.
    let order = orders.get(orderId);
    if (!order) {
      order = { line, customerId, at, items: new Map() };
      orders.set(orderId, order);
    } else if (order.customerId !== customerId) {
      problem(line, 'customerId', `order ${orderId} is customer ${order.customerId}'s (line ${order.line})`);
      continue;
    } else if (order.at !== at) {
      problem(line, 'orderedAt', `order ${orderId} was placed at ${new Date(order.at).toISOString()} (line ${order.line})`);
      continue;
    }
    const earlier = order.items.get(product.productId);
    if (earlier) {
      problem(line, 'sku', `repeats ${sku} of line ${earlier.line} in order ${orderId}`);
      continue;
    }
    order.items.set(product.productId, { quantity, unitPrice, line });
  }

  if (problemCount > errors.length) {
    errors.push({ line: 0, field: 'file', reason: `${problemCount - errors.length} more problem(s) not listed` });
  }
  const report: OrderHistoryReport = { lines, orders: { created: 0, unchanged: 0 }, customers: 0, events: 0, errors };
  if (problemCount > 0) return report;

  const repository = new OrderHistoryRepository(prisma);
  let chunk = emptyChunk();
  const flush = async () => {
    if (chunk.orders.length === 0) return;
    // The purchase events commit with the orders, in the outbox: a CLI run with no API up leaves them for its relay.
    const written = await repository.insertNew(chunk);
    report.orders.created += written.orders;
    report.orders.unchanged += chunk.orders.length - written.orders;
    report.customers += written.customers;
    report.events += written.purchases;
    chunk = emptyChunk();
  };
  for (const [externalId, order] of orders) {
    addOrder(chunk, externalId, order);
    if (chunk.orders.length >= ORDERS_PER_CHUNK) await flush();
  }
  await flush();
  return report;
}

function emptyChunk(): OrderHistoryChunk {
  return { customers: new Map(), orders: [], items: [] };
}

function addOrder(chunk: OrderHistoryChunk, externalId: string, order: PendingOrder): void {
  const shopperId = deterministicUuid(`customer:${order.customerId}`);
  const orderId = deterministicUuid(`order:${externalId}`);
  const at = new Date(order.at);
  const first = chunk.customers.get(order.customerId);
  // A customer's shopper is as old as their first order.
  if (!first || first.since > at) chunk.customers.set(order.customerId, { shopperId, since: at });
  let cents = 0;
  for (const [productId, { quantity, unitPrice }] of order.items) {
    cents += quantity * Math.round(Number(unitPrice) * 100);
    chunk.items.push({ orderId, productId, quantity, unitPrice, purchaseId: deterministicUuid(`order-purchase:${orderId}:${productId}`) });
  }
  chunk.orders.push({ id: orderId, externalId, shopperId, total: (cents / 100).toFixed(2), currency: DEFAULT_CURRENCY, at });
}
