import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDatabase, parseDatabaseUrl, readServerInfo } from '../src/embedded/ensure-database.js';
import { serveEmbeddedDatabase } from '../src/embedded/serve.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function tempHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-embedded-'));
  cleanups.push(async () => fs.rmSync(home, { recursive: true, force: true }));
  return home;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded database', () => {
  it('starts a server for the data folder, and a second caller reuses it', async () => {
    const home = tempHome();
    const first = await ensureDatabase({ home });
    cleanups.push(() => first.close());
    expect(first).toMatchObject({ embedded: true, ownsServer: true });
    const second = await ensureDatabase({ home });
    expect(second.url).toBe(first.url);
    expect(second.ownsServer).toBe(false);
    await query(first.url, 'CREATE EXTENSION IF NOT EXISTS vector');
    const rows = await query(second.url, `SELECT '[1,0]'::vector <=> '[0,1]'::vector AS d`);
    expect(rows[0].d).toBeCloseTo(1, 5);
    expect(readServerInfo(home)?.port).toBe(Number(new URL(first.url).port));
  });

  it('keeps its data across restarts', async () => {
    const home = tempHome();
    const first = await ensureDatabase({ home });
    await query(first.url, 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
    await first.close();
    expect(readServerInfo(home)).toBeNull();
    const again = await ensureDatabase({ home });
    cleanups.push(() => again.close());
    expect(await query(again.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
  });

  it('refuses a second server on the same data folder', async () => {
    const home = tempHome();
    const server = await serveEmbeddedDatabase({ home, port: 0 });
    cleanups.push(() => server.stop());
    await expect(serveEmbeddedDatabase({ home, port: 0 })).rejects.toThrow(/Another process already serves/);
  });

  it('names the port when it is already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as net.AddressInfo).port;
    const home = tempHome();
    await expect(ensureDatabase({ home, port })).rejects.toThrow(
      new RegExp(`Port ${port} is already in use`),
    );
    // Nothing is left behind: the next start on a free port works.
    const handle = await ensureDatabase({ home });
    cleanups.push(() => handle.close());
    expect(handle.ownsServer).toBe(true);
  });

  it('takes over a data folder whose server died without cleaning up', async () => {
    const home = tempHome();
    fs.writeFileSync(
      path.join(home, 'db-server.json'),
      JSON.stringify({ pid: 999_999, port: 1, startedAt: '' }),
    );
    fs.writeFileSync(path.join(home, 'db-server.lock'), '999999');
    const handle = await ensureDatabase({ home });
    cleanups.push(() => handle.close());
    expect(handle.ownsServer).toBe(true);
    expect(await query(handle.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});

describe('DATABASE_URL', () => {
  it.each([
    ['not a url', /not a valid URL/],
    ['mysql://user@host/db', /must start with postgresql:\/\//],
    ['postgresql://', /not a valid URL|no host/],
  ])('refuses %s with a clear message', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it('is used as given, without starting anything', async () => {
    const handle = await ensureDatabase({
      databaseUrl: 'postgresql://u:p@127.0.0.1:1/x',
      home: '/nonexistent',
    });
    expect(handle).toMatchObject({
      url: 'postgresql://u:p@127.0.0.1:1/x',
      embedded: false,
      ownsServer: false,
    });
  });
});
