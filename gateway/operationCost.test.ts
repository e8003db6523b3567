import { buildSchema, parse } from 'graphql';
import { OperationCost, pagedTypes } from './operationCost';

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

  it('assumes the default size for other lists, and leaves introspection free', () => {
    expect(of('{ all { parts { name } } }')).toBe(1 + 10 * (1 + 10 * 1));
    expect(of('{ tags }')).toBe(1);
    expect(of('{ __typename __schema { types { name fields { name } } } }')).toBe(0);
  });
});
