// Prisma CLI configuration. The URL comes from packages/db's launcher (bin/prisma.mjs), which starts or finds the
// embedded database when DATABASE_URL is not set, and points the CLI at the project's offline schema engine.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/dermino',
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
