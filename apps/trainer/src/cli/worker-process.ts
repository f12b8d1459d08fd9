import { AppError, createQueue, type Db } from '@dermino/db';
import { useBackendOption, useConfiguredBackend } from '../backend/use-backend.js';
import type { Env } from '../env.js';
import { jobHandlers } from '../jobs/index.js';
import { createLogger, type Logger, wantsPrettyLogs } from '../logger.js';
import type { JobHandler } from '../worker/job-handler.js';
import { startWorker } from '../worker/start-worker.js';

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

/** The logger of a trainer process, as LOG_LEVEL and LOG_FORMAT (or a terminal on stdout) ask. */
export function loggerFromEnv(env: Pick<Env, 'LOG_LEVEL' | 'LOG_FORMAT' | 'NODE_ENV'>): Logger {
  return createLogger({
    level: env.LOG_LEVEL,
    pretty: wantsPrettyLogs({
      format: env.LOG_FORMAT,
      nodeEnv: env.NODE_ENV,
      isTTY: Boolean(process.stdout.isTTY),
    }),
  });
}

/**
 * What every worker process does before it opens its database: the job kinds it takes (`--kinds`), its logger,
 * and a backend asked for by name (`--backend`, else DERMINO_BACKEND) loaded now. One that cannot load stops the
 * worker at once, with its reason, instead of failing every training job; the line names the adapter on webgpu.
 */
export async function prepareWorker(
  env: Env,
  options: { kinds?: string; backend?: string },
): Promise<{ handlers: JobHandler[]; logger: Logger }> {
  const handlers = parseKinds(options.kinds);
  const forcedBackend = useBackendOption(options.backend) ?? env.DERMINO_BACKEND;
  const logger = loggerFromEnv(env);
  if (forcedBackend) await useConfiguredBackend((line) => logger.info(line));
  return { handlers, logger };
}

/**
 * Runs the worker on an open database until SIGINT or SIGTERM. Stopping while the database is gone (stopped first,
 * or crashed) must still end the process cleanly: each step's failure is logged, and the exit is 0 as a stop asked for.
 */
export async function serveWorker(options: {
  db: Db;
  url: string;
  closeDatabase: () => Promise<unknown>;
  home: string;
  handlers: JobHandler[];
  logger: Logger;
}): Promise<void> {
  const { logger } = options;
  const queue = await createQueue({
    url: options.url,
    // While the database restarts pg-boss's background work fails: one line each, no stack (it reconnects by itself).
    onError: (error) => logger.warn(`queue: ${error.message}`),
  });
  const worker = await startWorker({
    db: options.db,
    queue,
    home: options.home,
    logger,
    handlers: options.handlers,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('worker stopping');
    const steps: [string, () => Promise<unknown>][] = [
      ['worker', () => worker.stop()],
      ['queue', () => queue.stop({ graceful: true, wait: true, timeout: 10_000 })],
      ['database', options.closeDatabase],
    ];
    for (const [name, step] of steps) {
      await step().catch((error: Error) => logger.warn(`stopping the ${name}: ${error.message}`));
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
