// Prisma CLI configuration. App code never reads this: it connects through lib/db/client.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Only `prisma migrate deploy` on a machine with Prisma's engines uses this; locally, migrations
  // run through lib/db/migrate.ts.
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres' },
});
