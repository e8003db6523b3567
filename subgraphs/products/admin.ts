import { requireRole } from '../../platform/auth/apiKeys';
import type { ProductsContext } from './context';

/** Every catalog write starts here: UNAUTHENTICATED without a valid key, FORBIDDEN without the admin role. */
export async function requireAdmin(context: ProductsContext): Promise<void> {
  requireRole(await context.principal(), 'admin');
}
