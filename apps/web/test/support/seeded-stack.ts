import { createDb, type Db } from '@dermino/db';
import { startTestDatabase } from '@dermino/db/testing';
import { type Service, startApi, startWebApp } from './services';

export interface SeededStack<T> {
  webUrl: string;
  apiUrl: string;
  /** What `seed` returned. */
  seeded: T;
  stop(): Promise<void>;
}

/**
 * An API and `next start` on their own fresh database, seeded first by `seed` (for pages the shared e2e database
 * cannot show, since every file seeds it). Whatever fails on the way stops what was started.
 */
export async function startSeededStack<T>(
  seed: (db: Db, home: string) => Promise<T>,
): Promise<SeededStack<T>> {
  const database = await startTestDatabase();
  const services: Service[] = [];
  const stop = async () => {
    for (const service of services.reverse()) await service.stop();
    await database.close();
  };
  try {
    const db = createDb({ url: database.url });
    let seeded: T;
    try {
      seeded = await seed(db, database.home);
    } finally {
      await db.$disconnect();
    }
    const api = await startApi(database.url, database.home);
    services.push(api);
    const web = await startWebApp(api.url);
    services.push(web);
    return { webUrl: web.url, apiUrl: api.url, seeded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
