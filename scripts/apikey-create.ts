import { createApiKey } from '../platform/auth/apiKeys';
import { ROLES, type Role } from '../platform/auth/roles';
import { defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { openDatabase } from '../platform/database/database';

// `npm run apikey:create -- <name> <role…>`: prints a new API key once.
// Beside a running embedded API the key is created by the API itself, so it works on the next request.

export const apikeyCreateCommand = defineCommand({
  name: 'apikey:create',
  parse(argv: string[]): { name: string; roles: Role[] } {
    const [name, ...roles] = argv;
    if (!name || roles.length === 0 || roles.some((r) => !(ROLES as readonly string[]).includes(r))) {
      throw new UsageError(`usage: npm run apikey:create -- <name> <role…>   (roles: ${ROLES.join(', ')})`);
    }
    return { name, roles: roles as Role[] };
  },
  async run({ infra }, { name, roles }) {
    const db = openDatabase(infra.database);
    try {
      const { id, key } = await createApiKey(db.prisma, name, roles);
      return { id, key, name, roles };
    } finally {
      await db.close();
    }
  },
  report({ id, key, name, roles }, out) {
    out.write(`Created API key ${id} (${name}: ${roles.join(', ')}).\nSend it as the x-api-key header. It is shown only now:\n${key}\n`);
    return 0;
  },
});

if (require.main === module) runCli(apikeyCreateCommand);
