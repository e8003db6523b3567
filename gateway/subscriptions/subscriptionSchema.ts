import { buildASTSchema, extendSchema, parse, printSchema, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { forbidden, unauthenticated } from '../../platform/errors';
import type { CartChannels } from './cartChannels';
import { cartQuery, VERSION_KEY } from './cartQuery';
import type { CartSignal } from './cartSignals';
import { attachErrors, toGraphQLError } from './forwardedData';
import type { GatewayExecutor } from './gatewayExecutor';
import { SignalIterator } from './signalIterator';

/** What the gateway adds to the supergraph's API schema (the supergraph itself has no Subscription type yet). */
export const SUBSCRIPTION_SDL = /* GraphQL */ `
extend schema {
  subscription: Subscription
}

type Subscription {
  """
  The session's cart, with whatever of it (and of the other subgraphs' fields
  on it) the subscription selects: first as it is now, then again after every
  change. \`cartId\`, when given, must be the session's own cart (FORBIDDEN otherwise).
  """
  cartSuggestions(cartId: ID): CartSuggestionsPayload!
  "Pushed when a change takes the session's cart to NEAR (90 % of its budget) or OVER its budget."
  budgetAlerts(cartId: ID): BudgetAlert!
}

type CartSuggestionsPayload {
  cart: Cart!
}

type BudgetAlert {
  cartId: ID!
  status: BudgetStatus!
  total: Decimal!
  budgetLimit: Decimal!
}
`;

export interface SubscriberShopper {
  id: string;
  cartId: string;
  sessionToken: string;
}

/** The GraphQL context of one subscription operation. */
export interface SubscriptionContext {
  shopper: SubscriberShopper;
  channels: CartChannels;
  execute: GatewayExecutor;
  /** Registers work the shutdown drain waits for. */
  track<T>(work: Promise<T>): Promise<T>;
}

interface SubscriberState {
  lastVersion: number;
}

type CartTick = { kind: 'initial'; cartId: string; subscriber: SubscriberState } | { kind: 'updated'; cartId: string; version: number; subscriber: SubscriberState };

interface ResolvedCart {
  cart: Record<string, unknown> | null;
  version: number;
  error?: Error;
}

function ownCart(shopper: SubscriberShopper, requested: string | null | undefined): string {
  if (requested && requested !== shopper.cartId) throw forbidden("A connection may subscribe to its own shopper's cart only");
  return shopper.cartId;
}

async function forwardCart(context: SubscriptionContext, text: string, variables: Record<string, unknown>): Promise<ResolvedCart> {
  const result = await context.execute(text, variables, context.shopper.sessionToken, 'CartSubscriptionPayload');
  const me = result.data?.me as Record<string, unknown> | null | undefined;
  const cart = (me?.cart ?? null) as Record<string, unknown> | null;
  if (!cart) {
    const first = result.errors?.[0];
    return { cart: null, version: -1, error: first ? toGraphQLError(first) : unauthenticated('The session is no longer valid') };
  }
  if (result.errors) attachErrors(cart, result.errors, ['me', 'cart']);
  return { cart, version: typeof cart[VERSION_KEY] === 'number' ? (cart[VERSION_KEY] as number) : -1 };
}

/** The gateway's API schema plus the Subscription type, with the resolvers that serve it. */
export function buildSubscriptionSchema(apiSchema: GraphQLSchema): GraphQLSchema {
  // Once the supergraph declares these fields itself, only the resolvers are ours (on fresh type objects, not the gateway's).
  const schema = apiSchema.getSubscriptionType()?.getFields().cartSuggestions
    ? buildASTSchema(parse(printSchema(apiSchema)))
    : extendSchema(apiSchema, parse(SUBSCRIPTION_SDL));

  const fields = (schema.getSubscriptionType() as GraphQLObjectType).getFields();
  const cartSuggestions = fields.cartSuggestions!;
  cartSuggestions.subscribe = async (_root, args: { cartId?: string | null }, context: SubscriptionContext) => {
    const cartId = ownCart(context.shopper, args.cartId);
    const subscriber: SubscriberState = { lastVersion: -1 };
    let leave: (() => Promise<void>) | undefined;
    const iterator = new SignalIterator<CartTick>({
      // A payload shows the cart as it is when resolved, so a newer tick makes an older unpulled one pointless.
      admit: (pending, tick) => {
        if (pending[0]?.kind === 'initial') return;
        pending.splice(0, pending.length, tick);
      },
      accept: (tick) => tick.kind === 'initial' || tick.version > subscriber.lastVersion,
      onClose: async () => leave?.(),
    });
    iterator.push({ kind: 'initial', cartId, subscriber });
    leave = await context.channels.join(cartId, (signal: CartSignal) => {
      if (signal.kind === 'updated') iterator.push({ kind: 'updated', cartId, version: signal.version, subscriber });
    });
    return iterator;
  };
  cartSuggestions.resolve = (tick: CartTick) => tick;

  const payload = schema.getType('CartSuggestionsPayload') as GraphQLObjectType;
  payload.getFields().cart!.resolve = async (tick: CartTick, _args, context: SubscriptionContext, info) => {
    const query = cartQuery(info);
    const variables: Record<string, unknown> = {};
    for (const name of query.variableNames) variables[name] = info.variableValues[name];
    const key = `${context.shopper.id}\n${query.text}\n${JSON.stringify(variables)}`;
    const resolved = await context.channels.resolveCurrent(tick.cartId, key, () => context.track(forwardCart(context, query.text, variables)));
    tick.subscriber.lastVersion = Math.max(tick.subscriber.lastVersion, resolved.version);
    if (resolved.error) throw resolved.error;
    return resolved.cart;
  };

  const budgetAlerts = fields.budgetAlerts!;
  budgetAlerts.subscribe = async (_root, args: { cartId?: string | null }, context: SubscriptionContext) => {
    const cartId = ownCart(context.shopper, args.cartId);
    let leave: (() => Promise<void>) | undefined;
    const iterator = new SignalIterator<Extract<CartSignal, { kind: 'budget_alert' }>>({
      // Alerts are rare; a client that lets 20 pile up only needs the latest ones.
      admit: (pending, alert) => {
        pending.push(alert);
        if (pending.length > 20) pending.shift();
      },
      onClose: async () => leave?.(),
    });
    leave = await context.channels.join(cartId, (signal) => {
      if (signal.kind === 'budget_alert') iterator.push(signal);
    });
    return iterator;
  };
  budgetAlerts.resolve = (alert: Extract<CartSignal, { kind: 'budget_alert' }>) => alert;
  const alert = (schema.getType('BudgetAlert') as GraphQLObjectType).getFields();
  alert.cartId!.resolve = (signal: Extract<CartSignal, { kind: 'budget_alert' }>) => signal.cartId;
  alert.status!.resolve = (signal: Extract<CartSignal, { kind: 'budget_alert' }>) => signal.status;
  alert.total!.resolve = (signal: Extract<CartSignal, { kind: 'budget_alert' }>) => signal.total;
  alert.budgetLimit!.resolve = (signal: Extract<CartSignal, { kind: 'budget_alert' }>) => signal.budgetLimit;
  return schema;
}
