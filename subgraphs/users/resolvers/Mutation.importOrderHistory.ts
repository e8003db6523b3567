import { requirePermission } from '../../../platform/auth/apiKeys';
import type { MutationResolvers } from '../generated/resolvers-types';
import { importOrderHistory as runImport } from '../import/orderHistory';
import { readOrderLines, type OrderLineItem, type OrderLineSyntax } from '../import/orderLines';

const SYNTAX: Record<'CSV' | 'JSON' | 'JSON_LINES', OrderLineSyntax> = { CSV: 'csv', JSON: 'json', JSON_LINES: 'jsonl' };

export const importOrderHistory: MutationResolvers['importOrderHistory'] = async (_parent, { format, data }, context) => {
  requirePermission(await context.principal(), 'history:import');
  const syntax = SYNTAX[format];
  // The SKUs named by the data, resolved by the catalog's owner in a few calls before anything is written.
  const rows: OrderLineItem[] = [];
  for await (const item of readOrderLines({ text: data }, syntax)) rows.push(item);
  const skus = rows.flatMap((item) => ('row' in item && typeof item.row.cells.sku === 'string' ? [item.row.cells.sku.trim()] : []));
  const catalog = await context.catalog.skuIndex(skus);
  const report = await runImport(context.db.prisma, (async function* () { yield* rows; })(), catalog);
  return {
    lines: report.lines,
    ordersCreated: report.orders.created,
    ordersUnchanged: report.orders.unchanged,
    customersCreated: report.customers,
    purchaseEvents: report.events,
    errors: report.errors,
  };
};
