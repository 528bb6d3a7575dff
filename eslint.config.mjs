import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'lib/generated/**',
    '.data/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
  ]),
  {
    // Settings are read only through lib/env.ts (validated once).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      'lib/env.ts',
      'prisma.config.ts',
      'scripts/drop-empty-env.ts',
      'vitest.config.ts',
      '**/*.test.ts',
      'playwright.config.ts',
      'e2e/**',
      'tests/**',
      'bench/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through lib/env.ts.' },
      ],
    },
  },
  {
    // app/ stays thin: no database access there; lib never imports from app.
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/generated/*', '@/lib/db/client'],
              message: 'Use the data-access functions in lib/db/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/app/*', '../app/*'], message: 'lib must not import from app/.' }] },
      ],
    },
  },
]);
