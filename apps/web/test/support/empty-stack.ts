import { createDb, seedConcepts, seedDemoUsers } from '@dermino/db';
import { startTestDatabase } from '@dermino/db/testing';
import { type Service, startApi, startWebApp } from './services';

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
  const database = await startTestDatabase();
  const services: Service[] = [];
  const stop = async () => {
    for (const service of services.reverse()) await service.stop();
    await database.close();
  };
  try {
    const db = createDb({ url: database.url });
    try {
      await seedConcepts(db);
      await seedDemoUsers(db);
    } finally {
      await db.$disconnect();
    }
    const api = await startApi(database.url, database.home);
    services.push(api);
    const web = await startWebApp(api.url);
    services.push(web);
    return { webUrl: web.url, apiUrl: api.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
