import { permissionsOf } from '../../../platform/auth/roles';
import type { ApiKeyResolvers } from '../generated/resolvers-types';

export const ApiKey: ApiKeyResolvers = {
  permissions: (key) => permissionsOf(key.roles),
};
