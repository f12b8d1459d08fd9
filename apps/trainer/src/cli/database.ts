import { createDb, type Db, type DatabaseHandle, ensureDatabase } from '@dermino/db';
import type { Env } from '../env.js';

/** Every CLI command finds the database the same way as `npm start`. */
export async function openDatabase(env: Env): Promise<{ db: Db; handle: DatabaseHandle; close(): Promise<void> }> {
  const handle = await ensureDatabase({ databaseUrl: env.DATABASE_URL, home: env.home });
  const db = createDb({ url: handle.url });
  return {
    db,
    handle,
    async close() {
      await db.$disconnect();
      await handle.close();
    },
  };
}
