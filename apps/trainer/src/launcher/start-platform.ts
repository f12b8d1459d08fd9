import fs from 'node:fs';
import path from 'node:path';
import {
  acquireLock,
  createDb,
  type DatabaseHandle,
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
import { createProgressBar } from '../progress/progress-bar.js';
import type { ManagedChild } from './children.js';
import { enqueueQualityIfNeeded } from './enqueue-quality.js';
import { enqueueDemoPipelineIfNeeded } from '../pipeline/enqueue-demo-pipeline.js';
import { ensureSessionSecret } from './secret.js';
import { startServices } from './services.js';

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
    fail(`DermINO is already running from ${home.root} (pid ${pid}). Stop it first, or set DERMINO_HOME to another folder.`);
  }
  let children: ManagedChild[] = [];
  let database: DatabaseHandle | undefined;
  const abort = new AbortController();
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    abort.abort();
    console.log('\nStopping DermINO…');
    await Promise.all(children.map((child) => child.stop()));
    await database?.close();
    releaseLock(lock);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    database = await ensureDatabase({ databaseUrl: env.DATABASE_URL, home: home.root, port: env.DERMINO_DB_PORT });
    console.log(database.embedded ? `Embedded database (PGlite + pgvector) in ${home.pgdata}` : 'Using DATABASE_URL.');
    await migrateDatabase({ url: database.url });
  } catch (error) {
    await database?.close();
    releaseLock(lock);
    fail((error as Error).message);
  }
  const db = createDb({ url: database.url });
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
  const onCrash = (name: string) => (code: number | null) => {
    console.error(`${name} exited unexpectedly (code ${code}).`);
    void shutdown(1);
  };
  const services = startServices(env, serviceEnv, onCrash);
  children = services.children;
  try {
    await services.apiReady;
    if (env.DERMINO_SERVICES.includes('api')) console.log(`API ready: http://localhost:${env.API_PORT}/graphql`);
    if (env.DERMINO_DEMO_SIZE > 0) {
      const bar = createProgressBar('Seeding demo registry', { unit: 'images' });
      const result = await seedDemoRegistry({
        db,
        imagesRoot: home.images,
        size: env.DERMINO_DEMO_SIZE,
        signal: abort.signal,
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.stop(`Demo registry: ${result.images} images${result.alreadyComplete ? ' (already seeded)' : ''}.`);
    }
    await enqueueQualityIfNeeded(db, database.url);
    await enqueueDemoPipelineIfNeeded(db, database.url);
    await services.webReady;
  } catch (error) {
    if (abort.signal.aborted) return;
    console.error(`\nDermINO could not start: ${(error as Error).message}`);
    await shutdown(1);
    return;
  }
  printBanner(env);
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
