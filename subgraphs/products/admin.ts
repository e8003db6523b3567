import { requirePermission } from '../../platform/auth/apiKeys';
import type { Permission } from '../../platform/auth/roles';
import type { ProductsContext } from './context';

/**
 * Every catalog write starts here: UNAUTHENTICATED without a valid key,
 * FORBIDDEN when the key's roles do not grant the permission (platform/auth/roles.ts).
 */
export async function requireKey(context: ProductsContext, permission: Permission): Promise<void> {
  requirePermission(await context.principal(), permission);
}
