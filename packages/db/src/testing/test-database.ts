import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase } from '../embedded/ensure-database.js';
import { testServerUrl } from '../env.js';
import { migrateDatabase } from '../migrate.js';

export interface TestDatabase {
  url: string;
  home: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test run: an embedded Postgres in a temporary data folder, or, when
 * DERMINO_TEST_SERVER_URL names a real server, a new database on it (dropped at the end).
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const server = testServerUrl();
  if (server) return startServerTestDatabase(server);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-test-'));
  const handle = await ensureDatabase({ home });
  try {
    await migrateDatabase({ url: handle.url });
  } catch (error) {
    await handle.close();
    throw error;
  }
  return {
    url: handle.url,
    home,
    async close() {
      await handle.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startServerTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `dermino_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-test-'));
  await migrateDatabase({ url: url.toString() });
  return {
    url: url.toString(),
    home,
    async close() {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
