import { createRequire } from 'node:module';
import path from 'node:path';
import {
  acquireLock,
  createDb,
  createQueue,
  DEMO_PASSWORD,
  DEMO_USERS,
  enqueueJob,
  ensureDatabase,
  findJobs,
  migrateDatabase,
  releaseLock,
  resolveHomePaths,
  seedConcepts,
  seedDemoUsers,
} from '@dermino/db';
import { seedDemoRegistry } from '@dermino/ingest';
import fs from 'node:fs';
import { childEnv, type Env } from '../env.js';
import { createProgressBar } from '../progress/progress-bar.js';
import { type ManagedChild, spawnService, waitForHttp } from './children.js';
import { apiDir, trainerDir, webBuildIsCurrent, webDir } from './paths.js';
import { ensureSessionSecret } from './secret.js';

const nextBin = createRequire(path.join(webDir, 'package.json')).resolve('next/dist/bin/next');

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
    fail(`DermINO is already running from ${home.root} (pid ${fs.readFileSync(lock, 'utf8')}). Stop it first, or set DERMINO_HOME to another folder.`);
  }
  const children: ManagedChild[] = [];
  const abort = new AbortController();
  let shuttingDown = false;
  let database: Awaited<ReturnType<typeof ensureDatabase>> | undefined;
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
    console.log(database.embedded ? `Embedded database (PGlite) in ${home.pgdata}` : 'Using DATABASE_URL');
    await migrateDatabase({ url: database.url });
  } catch (error) {
    releaseLock(lock);
    await database?.close();
    fail((error as Error).message);
  }
  const db = createDb({ url: database.url });
  await seedConcepts(db);
  await seedDemoUsers(db);
  const secret = ensureSessionSecret(home.root);
  const serviceEnv = childEnv({
    DATABASE_URL: database.url,
    DERMINO_HOME: home.root,
    DERMINO_SESSION_SECRET: secret,
    API_PORT: String(env.API_PORT),
    WEB_PORT: String(env.WEB_PORT),
    DERMINO_API_URL: `http://127.0.0.1:${env.API_PORT}`,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  const onCrash = (name: string) => (code: number | null) => {
    console.error(`${name} exited unexpectedly (code ${code}).`);
    void shutdown(1);
  };
  const tsx = ['--import', 'tsx'];
  children.push(spawnService('api', process.execPath, [...tsx, 'src/main.ts'], { cwd: apiDir, env: serviceEnv, onExit: onCrash('The API') }));
  children.push(
    spawnService('worker', process.execPath, [...tsx, 'src/cli/main.ts', 'worker'], { cwd: trainerDir, env: serviceEnv, onExit: onCrash('The worker') }),
  );
  const webReady = (async () => {
    if (!webBuildIsCurrent()) {
      console.log('Building the dashboard (first start only; about a minute or two on 2 cores)…');
      const build = spawnService('web-build', process.execPath, [nextBin, 'build'], { cwd: webDir, env: serviceEnv });
      const code = await new Promise<number | null>((resolve) => build.process.once('exit', resolve));
      if (code !== 0) throw new Error('The dashboard build failed (see the [web-build] lines above).');
    }
    const web = spawnService('web', process.execPath, [nextBin, 'start', '-p', String(env.WEB_PORT)], {
      cwd: webDir,
      env: serviceEnv,
      onExit: onCrash('The dashboard'),
    });
    children.push(web);
    await waitForHttp(`http://127.0.0.1:${env.WEB_PORT}/login`, 120_000, () => web.process.exitCode === null);
  })();

  try {
    const api = children[0];
    await waitForHttp(`http://127.0.0.1:${env.API_PORT}/healthz`, 60_000, () => api.process.exitCode === null);
    console.log(`API ready: http://localhost:${env.API_PORT}/graphql`);
    if (env.DERMINO_DEMO_SIZE > 0) {
      const bar = createProgressBar('Seeding demo registry', { unit: 'images' });
      const result = await seedDemoRegistry({
        db,
        imagesRoot: home.images,
        size: env.DERMINO_DEMO_SIZE,
        signal: abort.signal,
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.stop(result.alreadyComplete ? `Demo registry: ${result.images} images (already seeded).` : `Demo registry seeded: ${result.images} images.`);
    }
    await enqueueQualityIfNeeded(db, database.url);
    await webReady;
  } catch (error) {
    if (abort.signal.aborted) return;
    console.error(`\nDermINO could not start: ${(error as Error).message}`);
    await shutdown(1);
    return;
  }
  printBanner(env);
}

async function enqueueQualityIfNeeded(db: ReturnType<typeof createDb>, url: string): Promise<void> {
  const pending = await db.image.count({ where: { qualityAt: null, storageKey: { not: null } } });
  const active = await findJobs(db, { kind: 'QUALITY', status: ['QUEUED', 'RUNNING'], take: 1 });
  if (pending === 0 || active.length > 0) return;
  const queue = await createQueue({ url, max: 1 });
  await enqueueJob(db, queue, { kind: 'QUALITY', payload: {}, createdBy: 'system' });
  await queue.stop({ graceful: true, wait: true, timeout: 5000 });
}

function printBanner(env: Env): void {
  const rows = DEMO_USERS.map((user) => `    ${user.role.padEnd(10)} ${user.email}`).join('\n');
  console.log(`
DermINO is running.
  Dashboard: http://localhost:${env.WEB_PORT}
  API:       http://localhost:${env.API_PORT}/graphql
  Data:      ${env.home}
  Demo users (password "${DEMO_PASSWORD}"):
${rows}
Press Ctrl-C to stop.`);
}
