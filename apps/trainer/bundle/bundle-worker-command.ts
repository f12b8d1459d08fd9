import { AppError, createDb, findMigrationStatus, parseDatabaseUrl } from '@dermino/db';
import type { Command } from 'commander';
import { prepareWorker, serveWorker } from '../src/cli/worker-process.js';
import { loadEnv } from '../src/env.js';

/**
 * A training worker on the platform's database (DATABASE_URL): the bundle has no embedded database and no Prisma
 * CLI, so it migrates nothing; it refuses a database whose schema is not the one it was built for.
 */
async function checkSchema(db: ReturnType<typeof createDb>, host: string): Promise<void> {
  const status = await findMigrationStatus(db).catch((error: Error) => {
    throw new AppError('DATABASE_UNAVAILABLE', {
      message: `Cannot read the schema of the database at ${host}: ${error.message.split('\n').at(-1)}`,
      cause: error,
    });
  });
  if (status.pending.length)
    throw new AppError('DATABASE_INCOMPATIBLE', {
      message: `The database at ${host} lacks ${status.pending.length} migration(s) this bundle needs (${status.pending.at(-1)}): start or upgrade the platform (npm start migrates it), then start the worker again.`,
    });
  if (status.unknown.length)
    throw new AppError('DATABASE_INCOMPATIBLE', {
      message: `The database at ${host} was migrated by a newer platform (${status.unknown.at(-1)}): rebuild the bundle from that version (npm run bundle:gpu -w @dermino/trainer).`,
    });
}

export function registerBundleWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description("Run a trainer worker on the platform's database (DATABASE_URL)")
    .option('--kinds <kinds>', 'only these job kinds, comma-separated (e.g. pretrain,finetune); default all')
    .option(
      '--backend <name>',
      'tfjs backend for training jobs: tensorflow-gpu, webgpu, tensorflow, wasm or cpu (default: DERMINO_BACKEND, else the fastest that loads)',
    )
    .action(async (options: { kinds?: string; backend?: string }) => {
      const env = loadEnv();
      if (!env.DATABASE_URL)
        throw new AppError('BAD_INPUT', {
          message:
            "DATABASE_URL is not set: the bundle's worker runs on the platform's database (postgresql://user:password@host:5432/database).",
        });
      const host = parseDatabaseUrl(env.DATABASE_URL).host;
      // As `dermino worker`: a backend asked for by name loads now (and names the adapter), or the worker stops.
      const { handlers, logger } = await prepareWorker(env, options);
      const db = createDb({ url: env.DATABASE_URL });
      await checkSchema(db, host).catch(async (error) => {
        await db.$disconnect();
        throw error;
      });
      await serveWorker({
        db,
        url: env.DATABASE_URL,
        closeDatabase: () => db.$disconnect(),
        home: env.home,
        handlers,
        logger,
      });
      logger.info({ kinds: handlers.map((h) => h.kind), database: host }, 'bundle worker started');
    });
}
