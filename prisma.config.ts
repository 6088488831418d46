import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The Prisma CLI wants a native schema-engine binary that this environment cannot download.
// `generate`, `validate` and `format` never execute it, so any existing file satisfies the check.
// Migrations are applied by lib/db/migrate.ts (offline) and made with `npm run db:migration`.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(process.cwd(), 'package.json');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
