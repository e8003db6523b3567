import { buildSchema, extendSchema, parse, validate } from 'graphql';
import { buildSubscriptionSchema, SUBSCRIPTION_SDL } from './subscriptionSchema';

const API = buildSchema(`
  scalar Decimal
  enum BudgetStatus { NO_BUDGET UNDER NEAR OVER }
  type Cart { id: ID! total: Decimal! }
  type Shopper { id: ID! cart: Cart }
  type Query { me: Shopper }
`);

const LIVE = parse(`
  subscription Live { cartSuggestions { cart { total } } }
  subscription Alerts { budget: budgetAlerts { status total budgetLimit } }
`);

describe('buildSubscriptionSchema', () => {
  it('adds the Subscription type to an API schema without one, leaving the original untouched', () => {
    const schema = buildSubscriptionSchema(API);
    expect(Object.keys(schema.getSubscriptionType()!.getFields())).toEqual(['cartSuggestions', 'budgetAlerts']);
    expect(validate(schema, LIVE)).toEqual([]);
    expect(API.getSubscriptionType()).toBeUndefined();
    expect(schema.getType('Cart')).not.toBe(API.getType('Cart'));
  });

  it('only attaches resolvers once the supergraph declares the operations itself', () => {
    const declared = extendSchema(API, parse(SUBSCRIPTION_SDL));
    const schema = buildSubscriptionSchema(declared);
    const field = schema.getSubscriptionType()!.getFields().cartSuggestions!;
    expect(typeof field.subscribe).toBe('function');
    expect(declared.getSubscriptionType()!.getFields().cartSuggestions!.subscribe).toBeUndefined();
    expect(validate(schema, LIVE)).toEqual([]);
  });
});
