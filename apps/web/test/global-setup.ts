import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createDb, seedConcepts, seedDemoUsers } from '@dermino/db';
import { startTestDatabase } from '@dermino/db/testing';
import type { TestProject } from 'vitest/node';
import { type E2eCase, seedE2eCases } from './support/seed-e2e-cases';
import { findFreePort, type Service, startService, startWebApp, waitForHttp } from './support/services';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    e2eCases: E2eCase[];
    /** The test database and data folder the API serves, for test files that seed what their pages need. */
    databaseUrl: string;
    dataHome: string;
  }
}

const webDir = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/**
 * Starts the real stack for the browser tests: a fresh embedded Postgres (migrated, seeded), the API from source
 * (tsx) and the built web app (`next start`). It builds nothing: run `npm run build` in apps/web first.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(webDir, '.next', 'BUILD_ID'))) {
    throw new Error(
      'apps/web has no production build: run `npm run build` in apps/web before the e2e tests.',
    );
  }
  const database = await startTestDatabase();
  const services: Service[] = [];
  const teardown = async () => {
    for (const service of services.reverse()) await service.stop();
    await database.close();
  };
  try {
    const db = createDb({ url: database.url });
    try {
      await seedConcepts(db);
      await seedDemoUsers(db);
      project.provide('e2eCases', await seedE2eCases(db, database.home));
      project.provide('databaseUrl', database.url);
      project.provide('dataHome', database.home);
    } finally {
      await db.$disconnect();
    }

    const apiPort = await findFreePort();
    const api = startService(
      'API',
      process.execPath,
      [require.resolve('tsx/cli'), path.resolve(webDir, '../api/src/main.ts')],
      {
        cwd: path.resolve(webDir, '../api'),
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          DERMINO_HOME: database.home,
          DERMINO_SESSION_SECRET: randomBytes(32).toString('hex'),
          API_PORT: String(apiPort),
          API_HOST: '127.0.0.1',
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
        },
      },
    );
    services.push(api);
    await waitForHttp(api, `http://127.0.0.1:${apiPort}/healthz`, 90_000);

    const web = await startWebApp(`http://127.0.0.1:${apiPort}`);
    services.push(web);
    project.provide('webUrl', web.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
