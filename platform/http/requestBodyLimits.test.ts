import { parse } from 'graphql';
import { declaredBodyLimits, RequestBodyLimits } from './requestBodyLimits';

// Which limit a parsed body gets: the default unless every root field of its
// operation declares more, never above the hard cap.

const SDL = `
  extend schema @link(url: "smartcart:/requestBodyLimit/v1.0", import: ["@requestBodyLimit"])
  directive @requestBodyLimit(bytes: Int!) on FIELD_DEFINITION
  type Query {
    recommend(text: String): [String!]! @requestBodyLimit(bytes: 5600000)
    identify(base64: String!): String @requestBodyLimit(bytes: 3000000)
    huge(base64: String!): String @requestBodyLimit(bytes: 50000000)
    product(id: ID!): String
  }
  type Mutation { product(base64: String!): String @requestBodyLimit(bytes: 2000000)  recommend: Int }
`;

const declared = declaredBodyLimits(parse(SDL));
const limits = new RequestBodyLimits({ maxBodyBytes: 1_000_000, maxOperationBodyBytes: 8_000_000, declared: () => declared });

describe('the body limit of an operation', () => {
  it('is the declared one when every root field declares it, the smallest of them when they differ', () => {
    expect(limits.limitOf({ query: '{ recommend }' })).toBe(5_600_000);
    expect(limits.limitOf({ query: '{ a: recommend b: recommend(text: "x") }' })).toBe(5_600_000);
    expect(limits.limitOf({ query: '{ recommend identify(base64: "") }' })).toBe(3_000_000);
  });

  it('is the default as soon as one root field declares nothing, __typename included', () => {
    expect(limits.limitOf({ query: '{ recommend product(id: 1) }' })).toBe(1_000_000);
    expect(limits.limitOf({ query: '{ __typename recommend }' })).toBe(1_000_000);
    expect(limits.limitOf({ query: '{ __typename }' })).toBe(1_000_000);
  });

  it('follows the operation type: a mutation field of the same name has its own', () => {
    expect(limits.limitOf({ query: 'mutation { product(base64: "") }' })).toBe(2_000_000);
    expect(limits.limitOf({ query: 'mutation { recommend }' })).toBe(1_000_000);
    expect(limits.limitOf({ query: 'query { product(id: 1) }' })).toBe(1_000_000);
  });

  it('sees root fields through fragments, skipped ones too', () => {
    expect(limits.limitOf({ query: '{ ...F } fragment F on Query { recommend ... on Query { identify(base64: "") } }' })).toBe(3_000_000);
    expect(limits.limitOf({ query: '{ recommend ...F } fragment F on Query { product(id: 1) @skip(if: true) }' })).toBe(1_000_000);
    expect(limits.limitOf({ query: '{ recommend ...Missing }' })).toBe(1_000_000);
    // A fragment cycle is invalid GraphQL; it must not loop here.
    expect(limits.limitOf({ query: '{ ...A } fragment A on Query { recommend ...B } fragment B on Query { ...A }' })).toBe(5_600_000);
  });

  it('is the operation named by operationName in a document with several', () => {
    const query = 'query Photo { recommend } query Page { product(id: 1) }';
    expect(limits.limitOf({ query, operationName: 'Photo' })).toBe(5_600_000);
    expect(limits.limitOf({ query, operationName: 'Page' })).toBe(1_000_000);
    expect(limits.limitOf({ query })).toBe(1_000_000);
    expect(limits.limitOf({ query, operationName: 'Other' })).toBe(1_000_000);
  });

  it('is the default for what cannot be read: no query text (a persisted query by its hash), invalid GraphQL, not an object', () => {
    expect(limits.limitOf({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } }, variables: { text: 'x' } })).toBe(1_000_000);
    expect(limits.limitOf({ query: '{ recommend(' })).toBe(1_000_000);
    expect(limits.limitOf('{ recommend }')).toBe(1_000_000);
    expect(limits.limitOf(null)).toBe(1_000_000);
  });

  it('a persisted query registered with its text is read like any other', () => {
    expect(limits.limitOf({ query: '{ recommend }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } })).toBe(5_600_000);
  });

  it('a batch is allowed what its most limited operation is', () => {
    expect(limits.limitOf([{ query: '{ recommend }' }, { query: '{ identify(base64: "") }' }])).toBe(3_000_000);
    expect(limits.limitOf([{ query: '{ recommend }' }, { query: '{ product(id: 1) }' }])).toBe(1_000_000);
    expect(limits.limitOf([])).toBe(1_000_000);
  });

  it('never goes above the hard cap, whatever is declared', () => {
    expect(limits.limitOf({ query: '{ huge(base64: "") }' })).toBe(8_000_000);
    expect(limits.readLimit()).toBe(8_000_000);
  });

  it('a query with more tokens than allowed is not parsed: the default', () => {
    const capped = new RequestBodyLimits({ maxBodyBytes: 1_000_000, maxOperationBodyBytes: 8_000_000, declared: () => declared, maxTokens: 10 });
    expect(capped.limitOf({ query: '{ recommend a: recommend b: recommend c: recommend }' })).toBe(1_000_000);
  });
});

describe('what is read before the operation is known', () => {
  it('the largest declared limit, so a service whose schema declares nothing refuses above the default unread', () => {
    expect(new RequestBodyLimits({ maxBodyBytes: 1_000_000, maxOperationBodyBytes: 8_000_000, declared: () => declaredBodyLimits(parse('type Query { a: Int }')) }).readLimit()).toBe(1_000_000);
    const recommendOnly = declaredBodyLimits(parse(SDL.replace(/huge.*\n/, '')));
    expect(new RequestBodyLimits({ maxBodyBytes: 1_000_000, maxOperationBodyBytes: 8_000_000, declared: () => recommendOnly }).readLimit()).toBe(5_600_000);
  });

  it('is worked out once per declared limits object, again when they are replaced (a new supergraph)', () => {
    // Maps that count how often their limits are gone through.
    let walks = 0;
    class CountedMap extends Map<string, number> {
      override values() {
        walks++;
        return super.values();
      }
    }
    const counted = (limits: Record<string, number>) => new CountedMap(Object.entries(limits));
    let current = { query: counted({ recommend: 5_600_000 }), mutation: counted({}), subscription: counted({}) };
    const limits = new RequestBodyLimits({ maxBodyBytes: 1_000_000, maxOperationBodyBytes: 8_000_000, declared: () => current });
    expect(limits.readLimit()).toBe(5_600_000);
    const once = walks;
    expect(once).toBe(3);
    for (let i = 0; i < 5; i++) expect(limits.readLimit()).toBe(5_600_000);
    expect(walks).toBe(once);
    current = { query: counted({ recommend: 2_000_000 }), mutation: counted({ upload: 3_000_000 }), subscription: counted({}) };
    expect(limits.readLimit()).toBe(3_000_000);
    expect(limits.readLimit()).toBe(3_000_000);
    expect(walks).toBe(once + 3);
  });

  it('a directive without the link importing it is not the SmartCart one', () => {
    const unlinked = declaredBodyLimits(parse('directive @requestBodyLimit(bytes: Int!) on FIELD_DEFINITION type Query { a: Int @requestBodyLimit(bytes: 5000000) }'));
    expect(unlinked.query.size).toBe(0);
  });

  it('custom root type names are followed', () => {
    const custom = declaredBodyLimits(parse(`${SDL.split('type Query')[0]} schema { query: Root } type Root { a: Int @requestBodyLimit(bytes: 2500000) } type Query { b: Int @requestBodyLimit(bytes: 2600000) }`));
    expect([...custom.query]).toEqual([['a', 2_500_000]]);
  });
});
