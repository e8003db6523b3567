import { ApolloServer } from '@apollo/server';
import { subscriptionsOverHttpPlugin } from './subscriptionsOverHttp';

const typeDefs = `type Query { ping: String } type Subscription { ticks: Int }`;
const resolvers = { Query: { ping: () => 'pong' }, Subscription: { ticks: { subscribe: () => ({ [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) }) } } };

describe('subscriptionsOverHttpPlugin', () => {
  const server = new ApolloServer({ typeDefs, resolvers, plugins: [subscriptionsOverHttpPlugin('/graphql')] });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('answers a subscription with BAD_REQUEST, status 400, and where to subscribe', async () => {
    const response = await server.executeOperation({ query: 'subscription Live { ticks }' });
    expect(response.http.status).toBe(400);
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.data).toBeUndefined();
    expect(response.body.singleResult.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'SUBSCRIPTION_OVER_HTTP', path: '/graphql' });
  });

  it('leaves queries alone', async () => {
    const response = await server.executeOperation({ query: '{ ping }' });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult).toEqual({ data: { ping: 'pong' } });
  });
});
