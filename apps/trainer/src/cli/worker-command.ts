import { AppError, createQueue, migrateDatabase } from '@dermino/db';
import { useBackendOption, useConfiguredBackend } from '../backend/use-backend.js';
import type { Env } from '../env.js';
import { jobHandlers } from '../jobs/index.js';
import { createLogger, wantsPrettyLogs } from '../logger.js';
import type { JobHandler } from '../worker/job-handler.js';
import { startWorker } from '../worker/start-worker.js';
import { openDatabase } from './database.js';

/** `--kinds pretrain,finetune`: the job kinds a worker takes; names the unknown one. */
export function parseKinds(value: string | undefined): JobHandler[] {
  if (value === undefined) return jobHandlers;
  const known = new Map(jobHandlers.map((h) => [h.kind.toLowerCase(), h]));
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0)
    throw new AppError('BAD_INPUT', { message: '--kinds is empty; give job kinds separated by commas.' });
  return [...new Set(names)].map((name) => {
    const handler = known.get(name);
    if (!handler)
      throw new AppError('BAD_INPUT', {
        message: `--kinds: unknown job kind "${name}"; known: ${[...known.keys()].join(', ')}.`,
      });
    return handler;
  });
}

export async function runWorkerCommand(
  env: Env,
  options: { kinds?: string; backend?: string } = {},
): Promise<void> {
  const handlers = parseKinds(options.kinds);
  const forcedBackend = useBackendOption(options.backend) ?? env.DERMINO_BACKEND;
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: wantsPrettyLogs({
      format: env.LOG_FORMAT,
      nodeEnv: env.NODE_ENV,
      isTTY: Boolean(process.stdout.isTTY),
    }),
  });
  // A backend asked for by name is loaded now: one that cannot load stops the worker at once, with its reason,
  // instead of failing every training job; the line names the adapter on webgpu.
  if (forcedBackend) await useConfiguredBackend((line) => logger.info(line));
  const database = await openDatabase(env);
  await migrateDatabase({ url: database.handle.url });
  const queue = await createQueue({
    url: database.handle.url,
    // While the database restarts pg-boss's background work fails: one line each, no stack (it reconnects by itself).
    onError: (error) => logger.warn(`queue: ${error.message}`),
  });
  const worker = await startWorker({ db: database.db, queue, home: env.home, logger, handlers });
  let stopping = false;
  // Stopping while the database is gone (stopped first, or crashed) must still end the process cleanly: each step's
  // failure is logged, and the exit is 0 as a stop asked for.
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('worker stopping');
    const steps: [string, () => Promise<unknown>][] = [
      ['worker', () => worker.stop()],
      ['queue', () => queue.stop({ graceful: true, wait: true, timeout: 10_000 })],
      ['database', () => database.close()],
    ];
    for (const [name, step] of steps) {
      await step().catch((error: Error) => logger.warn(`stopping the ${name}: ${error.message}`));
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
