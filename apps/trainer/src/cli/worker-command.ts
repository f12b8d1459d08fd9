import { createQueue, migrateDatabase } from '@dermino/db';
import type { Env } from '../env.js';
import { jobHandlers } from '../jobs/index.js';
import { createLogger } from '../logger.js';
import { startWorker } from '../worker/start-worker.js';
import { openDatabase } from './database.js';

export async function runWorkerCommand(env: Env): Promise<void> {
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.NODE_ENV !== 'production' });
  const database = await openDatabase(env);
  await migrateDatabase({ url: database.handle.url });
  const queue = await createQueue({ url: database.handle.url });
  queue.on('error', (error) => logger.error({ err: error }, 'queue error'));
  const worker = await startWorker({ db: database.db, queue, home: env.home, logger, handlers: jobHandlers });
  const stop = async () => {
    logger.info('worker stopping');
    await worker.stop();
    await queue.stop({ graceful: true, wait: true, timeout: 10_000 });
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
