import { type Db, refreshStatistics, seedConcepts, seedDemoUsers } from '@dermino/db';
import { createTestCase } from '@dermino/db/testing';

/** The benchmark's data: `count` cases of 2 images and 2 annotations (one of an image, one of the case) each. */
export async function seedBenchCases(db: Db, count: number): Promise<void> {
  await seedConcepts(db);
  await seedDemoUsers(db);
  const codes = ['nv', 'mel', 'bcc', 'bkl', 'akiec'];
  for (let index = 0; index < count; index += 1) {
    await createTestCase(db, {
      source: 'bench',
      site: ['back', 'face', 'arm'][index % 3],
      images: [{}, {}],
      annotations: [
        { concept: codes[index % codes.length], confirmation: 'SINGLE_READER', image: 0 },
        { concept: codes[(index + 1) % codes.length], confirmation: 'HISTOPATHOLOGY' },
      ],
    });
  }
  // As a seed or an import does: PGlite has no autovacuum, so the planner would keep an empty table's counts.
  await refreshStatistics(db);
}
