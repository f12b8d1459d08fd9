import fs from 'node:fs';
import path from 'node:path';
import {
  acquireLock,
  createDb,
  type DatabaseHandle,
  type Db,
  DEMO_PASSWORD,
  DEMO_USERS,
  ensureDatabase,
  migrateDatabase,
  releaseLock,
  resolveHomePaths,
  seedConcepts,
  seedDemoUsers,
} from '@dermino/db';
import { seedDemoRegistry } from '@dermino/ingest';
import { childEnv, type Env } from '../env.js';
import { demoBudgetWith } from '../pipeline/demo-pipeline.js';
import { enqueueDemoPipelineIfNeeded } from '../pipeline/enqueue-demo-pipeline.js';
import { createProgressBar } from '../progress/progress-bar.js';
import { enqueueQualityIfNeeded } from './enqueue-quality.js';
import { ensureSessionSecret } from './secret.js';
import { startServices } from './services.js';
import { superviseDatabase } from './supervise-database.js';
import { describeExit, type Supervised } from './supervisor.js';

function fail(message: string): never {
  console.error(`\nDermINO could not start: ${message}`);
  process.exit(1);
}

/** `npm start`: database, migrations, demo seed, then API, dashboard and worker, until Ctrl-C. */
export async function startPlatform(env: Env): Promise<void> {
  const home = resolveHomePaths(env.home);
  fs.mkdirSync(home.root, { recursive: true });
  const lock = path.join(home.root, 'platform.lock');
  if (!acquireLock(lock)) {
    const pid = fs.readFileSync(lock, 'utf8').trim();
    fail(
      `DermINO is already running from ${home.root} (pid ${pid}). Stop it first, or set DERMINO_HOME to another folder.`,
    );
  }
  let children: { stop(): Promise<void> }[] = [];
  let databaseStarting: Promise<DatabaseHandle> | undefined;
  let database: DatabaseHandle | undefined;
  let databaseSupervisor: Supervised | null = null;
  let db: Db | undefined;
  const abort = new AbortController();
  let shuttingDown = false;
  // Ctrl-C can come at any moment of a first start (database start, migrations, seed, dashboard build): stop what
  // was started, in reverse order, and exit with `code` whatever fails while stopping.
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    abort.abort();
    console.log('\nStopping DermINO…');
    await Promise.all(children.map((child) => child.stop().catch(() => undefined)));
    await db?.$disconnect().catch(() => undefined);
    database ??= await databaseStarting?.catch(() => undefined);
    // The supervisor stops the server it runs now (a restarted one, maybe), and restarts nothing after.
    if (databaseSupervisor) await databaseSupervisor.stop().catch(() => undefined);
    else await database?.close().catch(() => undefined);
    releaseLock(lock);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // One line per supervision event (a crash, a restart, giving up), beside the services' own prefixed lines.
  const supervision = {
    signal: abort.signal,
    log: (line: string) => console.error(`[supervisor] ${line}`),
    onGiveUp: (message: string) => {
      console.error(`[supervisor] ${message} DermINO stops.`);
      void shutdown(1);
    },
  };

  try {
    databaseStarting = ensureDatabase({
      databaseUrl: env.DATABASE_URL,
      home: home.root,
      port: env.DERMINO_DB_PORT,
    });
    database = await databaseStarting;
    if (abort.signal.aborted) return;
    databaseSupervisor = superviseDatabase(database, { home: home.root, ...supervision });
    console.log(
      database.embedded ? `Embedded database (PGlite + pgvector) in ${home.pgdata}` : 'Using DATABASE_URL.',
    );
    await migrateDatabase({ url: database.url });
    db = createDb({ url: database.url });
    await seedConcepts(db);
    await seedDemoUsers(db);
    const serviceEnv = childEnv({
      DATABASE_URL: database.url,
      DERMINO_HOME: home.root,
      DERMINO_SESSION_SECRET: ensureSessionSecret(home.root),
      API_PORT: String(env.API_PORT),
      WEB_PORT: String(env.WEB_PORT),
      DERMINO_API_URL: `http://127.0.0.1:${env.API_PORT}`,
      NEXT_TELEMETRY_DISABLED: '1',
    });
    if (abort.signal.aborted) return;
    const services = startServices(env, serviceEnv, {
      ...supervision,
      onStartFailure: (name, status) => {
        console.error(
          `${name[0].toUpperCase()}${name.slice(1)} exited unexpectedly (${describeExit(status)}).`,
        );
        void shutdown(1);
      },
    });
    children = services.children;
    // Awaited only after the seed: a dashboard build stopped by Ctrl-C meanwhile must not be an unhandled rejection.
    services.webReady.catch(() => undefined);
    await services.apiReady;
    if (env.DERMINO_SERVICES.includes('api'))
      console.log(`API ready: http://localhost:${env.API_PORT}/graphql`);
    if (env.DERMINO_DEMO_SIZE > 0) await seedDemo(db, home.images, env.DERMINO_DEMO_SIZE, abort.signal);
    await enqueueQualityIfNeeded(db, database.url);
    await enqueueDemoPipelineIfNeeded(db, database.url, {
      budget: demoBudgetWith(env.DERMINO_DEMO_CONTINUE_STEPS),
    });
    await services.webReady;
  } catch (error) {
    // Stopping closes the database under whatever was running; shutdown() exits 0 when it has stopped everything.
    if (abort.signal.aborted) return;
    console.error(`\nDermINO could not start: ${(error as Error).message}`);
    await shutdown(1);
    return;
  }
  if (!abort.signal.aborted) printBanner(env);
}

async function seedDemo(db: Db, imagesRoot: string, size: number, signal: AbortSignal): Promise<void> {
  const bar = createProgressBar('Seeding demo registry', { unit: 'images' });
  const result = await seedDemoRegistry({
    db,
    imagesRoot,
    size,
    signal,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.stop(`Demo registry: ${result.images} images${result.alreadyComplete ? ' (already seeded)' : ''}.`);
}

function printBanner(env: Env): void {
  const rows = DEMO_USERS.map((user) => `    ${user.role.padEnd(10)} ${user.email}`).join('\n');
  const services = env.DERMINO_SERVICES;
  console.log(`
DermINO is running.
${services.includes('web') ? `  Dashboard: http://localhost:${env.WEB_PORT}\n` : ''}${services.includes('api') ? `  API:       http://localhost:${env.API_PORT}/graphql\n` : ''}  Data:      ${env.home}
  Demo users (password "${DEMO_PASSWORD}"):
${rows}
Press Ctrl-C to stop.`);
}
