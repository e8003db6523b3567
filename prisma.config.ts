import { defineConfig } from 'prisma/config';

// The CLI is used only to generate the client; migrations are applied by the
// application itself (see platform/database/migrate.ts), so no URL is needed here.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
});
