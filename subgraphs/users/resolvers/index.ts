import { DateTimeScalar, DecimalScalar } from '../../../platform/graphql/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { ApiKey } from './ApiKey';
import { Cart } from './Cart';
import { CartItem } from './CartItem';
import { InteractionEvent } from './InteractionEvent';
import { addItemsToCart } from './Mutation.addItemsToCart';
import { addToCart } from './Mutation.addToCart';
import { checkout } from './Mutation.checkout';
import { clearCart } from './Mutation.clearCart';
import { endSession } from './Mutation.endSession';
import { createApiKey, revokeApiKey } from './Mutation.apiKeys';
import { importOrderHistory } from './Mutation.importOrderHistory';
import { removeFromCart } from './Mutation.removeFromCart';
import { signIn } from './Mutation.signIn';
import { startSession } from './Mutation.startSession';
import { trackEvent } from './Mutation.trackEvent';
import { trackEvents } from './Mutation.trackEvents';
import { updateCartItem } from './Mutation.updateCartItem';
import { updatePreferences } from './Mutation.updatePreferences';
import { OrderItem } from './OrderItem';
import { Preferences } from './Preferences';
import { apiKeys, currentApiKey } from './Query.apiKeys';
import { cart } from './Query.cart';
import { me } from './Query.me';
import { order } from './Query.order';
import { orders } from './Query.orders';
import { Shopper } from './Shopper';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query: { me, cart, orders, order, currentApiKey, apiKeys },
  Mutation: {
    startSession,
    signIn,
    endSession,
    updatePreferences,
    addToCart,
    addItemsToCart,
    updateCartItem,
    removeFromCart,
    clearCart,
    checkout,
    trackEvent,
    trackEvents,
    importOrderHistory,
    createApiKey,
    revokeApiKey,
  },
  ApiKey,
  Shopper,
  Preferences,
  Cart,
  CartItem,
  OrderItem,
  InteractionEvent,
};
