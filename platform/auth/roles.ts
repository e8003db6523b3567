// What each API-key role may do. Operations ask for a permission, never for a
// role, so a new role is one line here and no resolver changes.

export const ROLES = ['admin', 'catalog-editor', 'service', 'read-only'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  /** create / update / archive products, categories and stores; a store's product list */
  | 'catalog:write'
  /** delete categories and stores */
  | 'catalog:delete'
  /** bulk product import */
  | 'catalog:import'
  /** stock levels */
  | 'stock:write'
  /** bulk import of another shop system's order history (shoppers, orders, purchases) */
  | 'history:import'
  /** define, start and stop online experiments of the recommendations */
  | 'experiments:write'
  /** read experiments and their reports */
  | 'experiments:read';

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Everything, including the destructive deletes.
  admin: ['catalog:write', 'catalog:delete', 'catalog:import', 'stock:write', 'history:import', 'experiments:write', 'experiments:read'],
  // The merchandising team: edits the catalog by hand, deletes nothing, no bulk
  // import; reads experiment results but does not change live traffic.
  'catalog-editor': ['catalog:write', 'stock:write', 'experiments:read'],
  // A back-office integration (ERP, warehouse, shop system): bulk imports and stock levels.
  service: ['catalog:import', 'stock:write', 'history:import'],
  // A partner app that only reads: identified (its own rate budget, its usage
  // recorded) but allowed no write at all.
  'read-only': [],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The roles that grant a permission, for the FORBIDDEN message. */
export function rolesGranting(permission: Permission): Role[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function grants(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => isRole(role) && ROLE_PERMISSIONS[role].includes(permission));
}
