import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser-test files share one registry (global-setup seeds the clinician's cases into it), and some files add
 * cases of their own (curation's six). cases.e2e.test.ts asserts on the exact set the global setup seeded (totals,
 * newest-first order, paging 1-3 / 4-6 / 7), so it runs first; the rest keep vitest's order (slowest first, else
 * largest). Without this, the order followed file sizes and flipped when curation's file grew.
 */
const FIRST = 'cases.e2e.test.ts';
class SharedRegistrySequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFirst = (file: TestSpecification) => (path.basename(file.moduleId) === FIRST ? 0 : 1);
    return [...sorted].sort((a, b) => isFirst(a) - isFirst(b));
  }
}

// Two projects: fast unit tests beside the code, and browser tests against the production build
// (`npm test` runs `next build` first; the e2e globalSetup itself builds nothing).
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    sequence: { sequencer: SharedRegistrySequencer },
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
