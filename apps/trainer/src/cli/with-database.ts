import type { Db } from '@dermino/db';
import type { Env } from '../env.js';
import { openDatabase } from './database.js';

/** Opens the platform's database for one command and always closes it. */
export async function withDatabase<T>(env: Env, action: (db: Db, url: string) => Promise<T>): Promise<T> {
  const database = await openDatabase(env);
  try {
    return await action(database.db, database.handle.url);
  } finally {
    await database.close();
  }
}
