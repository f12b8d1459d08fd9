import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const smoke = 'test/**/*.smoke.test.ts';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    projects: [
      {
        // One file at a time: these share the run's database, its job queue and the test home.
        extends: true,
        test: {
          name: 'trainer',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, smoke],
          globalSetup: [
            fileURLToPath(new URL('../../packages/db/src/testing/global-setup.ts', import.meta.url)),
          ],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // `dermino start` in child processes, each on its own data folder and ports: the two files run side by side
        // (mostly waiting on their children), after the files above (in CI, when fewer other packages' suites still run).
        extends: true,
        test: { name: 'smoke', include: [smoke], maxWorkers: 2, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
