import type { ApiKeyAdmin } from '../../platform/auth/apiKeyAdmin';
import type { ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import type { Database } from '../../platform/database/database';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import type { CatalogClient } from './catalog/catalogClient';
import type { InteractionRepository } from './data/interactionRepository';
import type { OrderRepository } from './data/orderRepository';
import type { SessionRepository } from './data/sessionRepository';
import type { Shopper, ShopperRepository } from './data/shopperRepository';
import type { CartService } from './domain/cartService';
import type { SignInService } from './domain/signIn';
import type { UsersLoaders } from './loaders';

export interface UsersContext {
  db: Database;
  shoppers: ShopperRepository;
  sessions: SessionRepository;
  orders: OrderRepository;
  interactions: InteractionRepository;
  carts: CartService;
  signIns: SignInService;
  events: EventBus;
  /** The products subgraph, owner of the catalog facts (prices, SKUs). */
  catalog: CatalogClient;
  loaders: UsersLoaders;
  logger: Logger;
  /** The raw `x-session-token` header, if any. */
  sessionToken: string | undefined;
  /**
   * The shopper the token belongs to, looked up once per request: null
   * without a token, UNAUTHENTICATED (with `extensions.reason`) for a token
   * that is unknown, ended, replaced or expired.
   */
  session(): Promise<Shopper | null>;
  /** The API key sent in `x-api-key`, verified once per request: null without a valid one. */
  principal(): Promise<ApiKeyPrincipal | null>;
  /** API keys over the API: create, list, revoke (announced to every service's key cache). */
  apiKeyAdmin: ApiKeyAdmin;
}
