import { migrateDatabase } from '@dermino/db';
import type { Env } from '../env.js';
import { openDatabase } from './database.js';
import { prepareWorker, serveWorker } from './worker-process.js';

export async function runWorkerCommand(
  env: Env,
  options: { kinds?: string; backend?: string } = {},
): Promise<void> {
  const { handlers, logger } = await prepareWorker(env, options);
  const database = await openDatabase(env);
  await migrateDatabase({ url: database.handle.url });
  await serveWorker({
    db: database.db,
    url: database.handle.url,
    closeDatabase: () => database.close(),
    home: env.home,
    handlers,
    logger,
  });
}
