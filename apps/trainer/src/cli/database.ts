import {
  AppError,
  createDb,
  type DatabaseHandle,
  type Db,
  ensureDatabase,
  findMigrationStatus,
  migrateDatabase,
} from '@dermino/db';
import type { Env } from '../env.js';

/**
 * Every CLI command finds the database the same way as `npm start`, and brings its schema up to date first, so
 * `npx dermino jobs list` right after an install answers "No jobs." instead of "table Job does not exist".
 */
export async function openDatabase(
  env: Env,
): Promise<{ db: Db; handle: DatabaseHandle; close(): Promise<void> }> {
  const handle = await ensureDatabase({ databaseUrl: env.DATABASE_URL, home: env.home });
  const db = createDb({ url: handle.url });
  try {
    // Before the first migration there is no _prisma_migrations table: that read fails, and migrating is right.
    // A database that cannot be reached is not that case: its error (Prisma's P1001, one line) goes to the user.
    const pending = await findMigrationStatus(db).then(
      (status) => status.pending.length > 0,
      (error: Error) => {
        if (!/Can't reach database server/.test(error?.message ?? '')) return true;
        throw new AppError('DATABASE_UNAVAILABLE', {
          message: `Can't reach database server at ${new URL(handle.url).host}: is the platform running (npm start), and is DATABASE_URL right?`,
          cause: error,
        });
      },
    );
    if (pending) await migrateDatabase({ url: handle.url });
  } catch (error) {
    await db.$disconnect();
    await handle.close();
    throw error;
  }
  return {
    db,
    handle,
    async close() {
      await db.$disconnect();
      await handle.close();
    },
  };
}
