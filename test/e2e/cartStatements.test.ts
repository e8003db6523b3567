import crypto from 'node:crypto';
import { createCatalogProducts } from '../support/catalogProducts';
import { startStack, type Stack } from '../support/stack';

// The cart page's cost in SQL: counted statements, not timings.

let stack: Stack;
let session: Record<string, string>;
const tag = crypto.randomBytes(4).toString('hex');
const CART_PAGE = `query { cart { id itemCount subtotal total version budget { status } items { quantity unitPrice product { id name price } } } }`;

/** The users subgraph's statements while `run` runs. */
async function usersStatements(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = stack.services.users!.db!.statements.watch((sql) => seen.push(sql));
  try {
    await run();
  } finally {
    stop();
  }
  return seen;
}

beforeAll(async () => {
  stack = await startStack();
  const ids = await createCatalogProducts(stack, [1, 2, 3].map((n) => ({ sku: `CART-SQL-${tag}-${n}`, name: `Cart item ${n} ${tag}`, price: `${n}.50`, stockQuantity: 50 })));
  const started = await stack.query('mutation { startSession { token } }');
  session = { 'x-session-token': started.data.startSession.token };
  for (const id of ids) {
    const added = await stack.query('mutation ($id: ID!) { addToCart(productId: $id, quantity: 2) { id } }', { id }, session);
    expect(added.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await stack?.stop();
});

describe('the cart page', () => {
  it('costs the users subgraph two statements: the session joined with its shopper, the cart joined with its items', async () => {
    await stack.query(CART_PAGE, {}, session);
    let answer: any;
    const statements = await usersStatements(async () => {
      answer = await stack.query(CART_PAGE, {}, session);
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.cart).toMatchObject({ itemCount: 6, subtotal: '15.00', budget: { status: 'NO_BUDGET' } });
    expect(answer.data.cart.items).toHaveLength(3);
    expect(statements).toHaveLength(2);
    expect(statements.filter((sql) => /"shoppers"\."session"/.test(sql) && /"shoppers"\."shopper"/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /"shoppers"\."cart_item"/.test(sql))).toHaveLength(1);
  });

  it('answers a new session an empty cart, and its items once added, in the order added', async () => {
    const started = await stack.query('mutation { startSession { token } }');
    const fresh = { 'x-session-token': started.data.startSession.token };
    const empty = await stack.query(CART_PAGE, {}, fresh);
    expect(empty.errors).toBeUndefined();
    expect(empty.data.cart).toMatchObject({ itemCount: 0, subtotal: '0.00', items: [] });
    const mine = await stack.query(CART_PAGE, {}, session);
    expect(mine.data.cart.items.map((item: any) => [item.quantity, item.unitPrice, item.product.name])).toEqual([1, 2, 3].map((n) => [2, `${n}.50`, `Cart item ${n} ${tag}`]));
  });
});
