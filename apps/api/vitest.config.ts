import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const globalSetup = fileURLToPath(new URL('../../packages/db/src/testing/global-setup.ts', import.meta.url));

// Unit tests run without a database; integration tests share one migrated embedded Postgres per run.
// graphql ships index.mjs ("module") and index.js ("main"): Vite would pick the first for our code while
// Apollo, loaded by Node, gets the second, and two graphql copies break instanceof checks. Node's choice for all.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.unit.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.integration.test.ts'],
          globalSetup: [globalSetup],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
