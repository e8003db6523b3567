import { buildSchema, parse } from 'graphql';
import { costVariables, OperationCost, pagedTypes } from './operationCost';

const schema = buildSchema(`
  type Query { items(first: Int = 20): ItemPage!  item: Item  tags: [String!]!  all: [Item!]! }
  type ItemPage { edges: [Edge!]!  total: Int! }
  type Edge { node: Item! }
  type Item { name: String!  related(limit: Int = 5): [Item!]!  parts: [Item!]! }
`);

describe('OperationCost', () => {
  const cost = new OperationCost({ defaultListSize: 10 });
  const of = (query: string, variables?: Record<string, unknown>) => cost.of(schema, parse(query), undefined, variables);

  it('finds paged types from the schema alone', () => {
    expect([...pagedTypes(schema)]).toEqual(['ItemPage']);
  });

  it('multiplies a selection by its size argument, default included', () => {
    expect(of('{ item { name } }')).toBe(2);
    expect(of('{ item { related(limit: 3) { name } } }')).toBe(1 + (1 + 3 * 1));
    expect(of('{ item { related { name } } }')).toBe(1 + (1 + 5 * 1));
    expect(of('query ($n: Int) { items(first: $n) { total } }', { n: 7 })).toBe(1 + 7 * 1);
  });

  it('counts the page once: the list fields of a paged type multiply by 1', () => {
    expect(of('{ items(first: 4) { edges { node { name } } } }')).toBe(1 + 4 * (1 + (1 + 1)));
  });

  it('depends only on the variables given to size arguments and @include/@skip', () => {
    const document = parse('query ($id: ID, $n: Int, $deep: Boolean!, $text: String) { item { name @skip(if: $deep) related(limit: $n) { name } } items(first: 3) { total } tags @include(if: $deep) }');
    expect(costVariables(document)).toEqual(['deep', 'n']);
    expect(costVariables(parse('query ($id: ID!) { item { name } }'))).toEqual([]);
  });

  it('prices a document again for other values of its cost variables, and once for any other change', () => {
    const counting = new OperationCost({ defaultListSize: 10 });
    const document = parse('query ($id: String, $n: Int) { item { related(limit: $n) { name } } }');
    let computed = 0;
    const compute = (counting as unknown as { compute: (...args: unknown[]) => number }).compute.bind(counting);
    (counting as unknown as { compute: (...args: unknown[]) => number }).compute = (...args) => (computed++, compute(...args));
    expect(counting.of(schema, document, undefined, { id: 'a', n: 2 })).toBe(1 + (1 + 2));
    expect(counting.of(schema, document, undefined, { id: 'b', n: 2 })).toBe(1 + (1 + 2));
    expect(computed).toBe(1);
    expect(counting.of(schema, document, undefined, { id: 'b', n: 40 })).toBe(1 + (1 + 40));
    expect(computed).toBe(2);
    // The same text parsed again is another document: priced again, same answer.
    expect(counting.of(schema, parse('query ($id: String, $n: Int) { item { related(limit: $n) { name } } }'), undefined, { n: 2 })).toBe(1 + (1 + 2));
    expect(computed).toBe(3);
  });

  it('keeps a bounded number of costs per document', () => {
    const document = parse('query ($n: Int) { item { related(limit: $n) { name } } }');
    for (let n = 0; n < 200; n++) expect(cost.of(schema, document, undefined, { n })).toBe(1 + (1 + n));
    const entry = (cost as unknown as { known: WeakMap<object, WeakMap<object, { costs: Map<string, number> }>> }).known.get(schema)!.get(document)!;
    expect(entry.costs.size).toBeLessThanOrEqual(32);
  });

  it('assumes the default size for other lists, and leaves introspection free', () => {
    expect(of('{ all { parts { name } } }')).toBe(1 + 10 * (1 + 10 * 1));
    expect(of('{ tags }')).toBe(1);
    expect(of('{ __typename __schema { types { name fields { name } } } }')).toBe(0);
  });
});
