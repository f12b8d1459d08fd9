// vitest globalSetup: one migrated embedded database per test run, its URL given to tests as inject('databaseUrl').
import 'vitest';
import type { TestProject } from 'vitest/node';
import { startTestDatabase } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseHome: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await startTestDatabase();
  project.provide('databaseUrl', database.url);
  project.provide('databaseHome', database.home);
  return () => database.close();
}
