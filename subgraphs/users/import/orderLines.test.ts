import { readOrderLines, type OrderLineItem } from './orderLines';

async function all(text: string): Promise<OrderLineItem[]> {
  const items: OrderLineItem[] = [];
  for await (const item of readOrderLines({ text }, 'csv')) items.push(item);
  return items;
}

it('numbers CSV rows by the file line they end on, blank lines and quoted line breaks included', async () => {
  const csv = [
    'orderId,customerId,sku,quantity,orderedAt',
    'A,c1,milk,1,2024-01-01',
    '',
    'B,"c2',
    'still c2",bread,2,2024-01-02',
    'C,c3,eggs,3',
    '',
    '',
    'D,c4,"tea, green",4,2024-01-04',
  ].join('\n');
  const items = await all(csv);
  expect(items.map((item) => ('row' in item ? [item.row.line, item.row.cells.orderId, item.row.cells.customerId, item.row.cells.sku] : [item.problem.line, item.problem.field, item.problem.reason]))).toEqual([
    [2, 'A', 'c1', 'milk'],
    [5, 'B', 'c2\nstill c2', 'bread'],
    [6, 'row', 'has 4 cells, the header 5'],
    [9, 'D', 'c4', 'tea, green'],
  ]);
});

it('numbers CRLF rows like LF rows', async () => {
  const items = await all(['orderId,customerId,sku,quantity,orderedAt', 'A,c1,milk,1,2024-01-01', '', 'B,c2,bread,2,2024-01-02'].join('\r\n'));
  expect(items.map((item) => ('row' in item ? [item.row.line, item.row.cells.orderId] : item.problem))).toEqual([[2, 'A'], [4, 'B']]);
});

it('reports a quote left open as a problem of the file at its line', async () => {
  const items = await all('orderId,customerId,sku,quantity,orderedAt\nA,c1,milk,1,2024-01-01\nB,"c2,bread,1,2024-01-01\n');
  expect(items.at(-1)).toEqual({ problem: { line: 3, field: 'file', reason: expect.stringMatching(/quote/i) } });
});
