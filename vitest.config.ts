// Test projects: unit (pure logic, next to the code), and the integration suite run once per database:
// the real Postgres + pgvector at TEST_DATABASE_URL (when set) and the embedded PGlite.
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

const integration = (name: string, database: 'postgres' | 'embedded'): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `integration-${name}`,
    include: ['tests/integration/**/*.test.ts'],
    // `npm run dev` and the ingest CLI on a fresh machine start their own embedded database: run
    // once, with that project. Row locks between sessions exist on a server only: the embedded
    // database runs one session.
    exclude:
      database === 'postgres'
        ? ['tests/integration/dev-start.test.ts', 'tests/integration/ingest-cli-embedded.test.ts']
        : ['tests/integration/corpus-version-lock.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/connect.ts'],
    provide: { database },
    // One database per run: files share it, so they run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // Next.js resolves this to an empty module on the server; tests are server code too.
      'server-only': path.join(root, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    environment: 'node',
    // Quiet logs in test output; tests assert behaviour, not log lines.
    env: { LOG_LEVEL: 'silent' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'tests/unit/**/*.test.ts'],
        },
      },
      ...(process.env.TEST_DATABASE_URL ? [integration('postgres', 'postgres')] : []),
      integration('embedded', 'embedded'),
    ],
  },
});
