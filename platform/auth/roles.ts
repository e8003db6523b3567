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
  | 'experiments:read'
  /** create, list and revoke API keys */
  | 'apikeys:manage'
  /** the recommender's health: model ages, what it learned, consumer lag, dead letters */
  | 'health:read';

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Everything, including the destructive deletes.
  admin: ['catalog:write', 'catalog:delete', 'catalog:import', 'stock:write', 'history:import', 'experiments:write', 'experiments:read', 'apikeys:manage', 'health:read'],
  // The merchandising team: edits the catalog by hand, deletes nothing, no bulk
  // import; reads experiment results but does not change live traffic; sees
  // whether the recommender keeps up with what it edits.
  'catalog-editor': ['catalog:write', 'stock:write', 'experiments:read', 'health:read'],
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

/** Every permission the roles grant, in a stable order. */
export function permissionsOf(roles: readonly string[]): Permission[] {
  return [...new Set(roles.flatMap((role) => (isRole(role) ? ROLE_PERMISSIONS[role] : [])))].sort();
}

export function grants(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => isRole(role) && ROLE_PERMISSIONS[role].includes(permission));
}
