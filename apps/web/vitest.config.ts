import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside the code, and browser tests against the production build
// (`npm test` runs `next build` first; the e2e globalSetup itself builds nothing).
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser per file and one shared pair of servers: files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
