import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedUrl } from '../src/embedded/paths.js';
import { serveEmbeddedDatabase } from '../src/embedded/serve.js';
import { listLocalMigrations, migrateDatabase } from '../src/migrate.js';

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

async function freshServer(options: { withVector?: boolean } = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-migrate-'));
  const server = await serveEmbeddedDatabase({ home, port: 0, ...options });
  stops.push(async () => {
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });
  return embeddedUrl(server.port);
}

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    return result.rows.map((row) => row.tablename);
  } finally {
    await client.end();
  }
}

describe('migrateDatabase', () => {
  it('refuses a server without pgvector, naming the extension, and writes nothing', async () => {
    const url = await freshServer({ withVector: false });
    await expect(migrateDatabase({ url })).rejects.toThrow(/no pgvector extension/);
    expect(await tables(url)).toEqual([]);
  });

  it('migrates from zero, then refuses a database written by a newer DermINO and leaves it as it was', async () => {
    const url = await freshServer();
    await migrateDatabase({ url });
    const migrated = await tables(url);
    expect(migrated).toEqual(expect.arrayContaining(['Case', 'Image', 'Embedding', 'Job', '_prisma_migrations']));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ('future', 'x', '29990101000000_from_the_future', now(), now(), 1)`,
    );
    await client.end();
    await expect(migrateDatabase({ url })).rejects.toThrow(/newer version of DermINO.*29990101000000_from_the_future/s);
    expect(await tables(url)).toEqual(migrated);
  });

  it('names the host when the server cannot be reached', async () => {
    await expect(migrateDatabase({ url: 'postgresql://postgres:postgres@127.0.0.1:1/postgres' })).rejects.toThrow(
      /Cannot connect to the database at 127\.0\.0\.1:1/,
    );
  });

  it('knows the migrations shipped with the code', () => {
    expect(listLocalMigrations().length).toBeGreaterThan(0);
    expect(listLocalMigrations()[0]).toMatch(/^\d{14}_init$/);
  });
});
