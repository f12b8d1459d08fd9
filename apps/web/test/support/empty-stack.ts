import { seedConcepts, seedDemoUsers } from '@dermino/db';
import { startSeededStack } from './seeded-stack';

export interface EmptyStack {
  webUrl: string;
  apiUrl: string;
  stop(): Promise<void>;
}

/**
 * A second API and `next start` on their own fresh database holding only the concepts and the demo users: the
 * registry a new installation starts with. The shared e2e database cannot be that, since every file seeds it.
 */
export async function startEmptyStack(): Promise<EmptyStack> {
  const { webUrl, apiUrl, stop } = await startSeededStack(async (db) => {
    await seedConcepts(db);
    await seedDemoUsers(db);
  });
  return { webUrl, apiUrl, stop };
}
