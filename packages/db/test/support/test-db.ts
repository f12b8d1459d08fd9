import { inject } from 'vitest';
import { createDb, type Db } from '../../src/client.js';
import { seedConcepts } from '../../src/seed/concepts.js';
import type {} from '../../src/testing/global-setup.js';
import { startTestDatabase } from '../../src/testing/test-database.js';

/**
 * The run's shared database when vitest's globalSetup provides one, else a private embedded one
 * (so these tests also run under a config without the globalSetup).
 */
export async function connectTestDb(): Promise<{ db: Db; url: string; close(): Promise<void> }> {
  const provided = inject('databaseUrl');
  const owned = provided ? null : await startTestDatabase();
  const url = provided ?? owned!.url;
  const db = createDb({ url });
  // Concurrent files seed the same concepts; a lost race is a unique violation, so try again.
  await seedConcepts(db).catch(() => seedConcepts(db));
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      await owned?.close();
    },
  };
}
