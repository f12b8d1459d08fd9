import fs from 'node:fs';
import path from 'node:path';
import { createDb, seedConcepts, seedDemoUsers } from '@dermino/db';
import { startTestDatabase } from '@dermino/db/testing';
import type { TestProject } from 'vitest/node';
import { type E2eCase, seedE2eCases } from './support/seed-e2e-cases';
import { type Service, startApi, startWebApp } from './support/services';

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

    const api = await startApi(database.url, database.home);
    services.push(api);

    const web = await startWebApp(api.url);
    services.push(web);
    project.provide('webUrl', web.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
