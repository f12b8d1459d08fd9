import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedUrl } from '../src/embedded/paths.js';
import { type EmbeddedServer, serveEmbeddedDatabase } from '../src/embedded/serve.js';

// Many clients on the one PGlite session behind the embedded server: nothing may interleave.
let server: EmbeddedServer;
let pool: pg.Pool;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-wire-'));

beforeAll(async () => {
  server = await serveEmbeddedDatabase({ home, port: 0 });
  pool = new pg.Pool({ connectionString: embeddedUrl(server.port), max: 12 });
  await pool.query('CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL)');
  await pool.query('INSERT INTO account SELECT g, 100 FROM generate_series(1, 10) g');
});
afterAll(async () => {
  await pool.end();
  await server.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('the embedded wire server', () => {
  it('answers concurrent parameterised queries of different shapes each with its own result', async () => {
    const queries = Array.from({ length: 300 }, (_, i) => {
      const n = (i % 4) + 1;
      const params = Array.from({ length: n }, (_, j) => i * 10 + j);
      const sql = `SELECT ${params.map((_, j) => `$${j + 1}::int`).join(' + ')} AS total, ${n} AS n`;
      return pool.query(sql, params).then((result) => ({ result: result.rows[0], expected: params.reduce((a, b) => a + b, 0), n }));
    });
    for (const { result, expected, n } of await Promise.all(queries)) {
      expect(result).toEqual({ total: expected, n });
    }
  });

  it('keeps concurrent transactions isolated: transfers keep the total, rollbacks leave nothing', async () => {
    const transfer = async (from: number, to: number, fail: boolean) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('UPDATE account SET balance = balance - $1 WHERE id = $2', [7, from]);
        await new Promise((resolve) => setTimeout(resolve, 5));
        await client.query('UPDATE account SET balance = balance + $1 WHERE id = $2', [7, to]);
        await client.query(fail ? 'ROLLBACK' : 'COMMIT');
      } finally {
        client.release();
      }
    };
    const reads: Promise<number>[] = [];
    const transfers = Array.from({ length: 40 }, (_, i) => {
      reads.push(pool.query('SELECT sum(balance)::int AS total FROM account').then((r) => r.rows[0].total));
      return transfer((i % 10) + 1, ((i + 3) % 10) + 1, i % 5 === 0);
    });
    await Promise.all(transfers);
    // Readers never see a transfer half done.
    expect(new Set(await Promise.all(reads))).toEqual(new Set([1000]));
    expect((await pool.query('SELECT sum(balance)::int AS total FROM account')).rows[0].total).toBe(1000);
  });

  it('reports an SQL error to its client only', async () => {
    const [bad, good] = await Promise.allSettled([pool.query('SELECT * FROM no_such_table'), pool.query('SELECT 1 AS one')]);
    expect(bad.status).toBe('rejected');
    expect((bad as PromiseRejectedResult).reason.message).toMatch(/no_such_table/);
    expect(good).toMatchObject({ status: 'fulfilled', value: { rows: [{ one: 1 }] } });
  });
  it('rolls back the open transaction of a client that goes away, and the others go on', async () => {
    const client = new pg.Client({ connectionString: embeddedUrl(server.port) });
    client.on('error', () => {});
    await client.connect();
    await client.query('BEGIN');
    await client.query('UPDATE account SET balance = balance + 500 WHERE id = 1');
    // Gone without COMMIT or ROLLBACK (a killed worker).
    (client as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
    expect((await pool.query('SELECT sum(balance)::int AS total FROM account')).rows[0].total).toBe(1000);
    await pool.query('UPDATE account SET balance = balance WHERE id = 1');
  });

  it('recovers from a client that fails inside a transaction and goes away', async () => {
    const client = new pg.Client({ connectionString: embeddedUrl(server.port) });
    client.on('error', () => {});
    await client.connect();
    await client.query('BEGIN');
    await client.query('UPDATE account SET balance = 0 WHERE id = 2');
    await expect(client.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    (client as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
    const totals = await Promise.all(Array.from({ length: 5 }, () => pool.query('SELECT sum(balance)::int AS total FROM account')));
    expect(totals.map((r) => r.rows[0].total)).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it('recovers from a client that goes away in the middle of an extended query inside a transaction', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    const readyCount = () => Buffer.concat(received).toString('latin1').split('Z\u0000\u0000\u0000\u0005').length - 1;
    const until = async (ready: number) => {
      while (readyCount() < ready) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const frame = (type: string, body: Buffer) => {
      const head = Buffer.alloc(5);
      head.write(type, 0, 'latin1');
      head.writeInt32BE(body.length + 4, 1);
      return Buffer.concat([head, body]);
    };
    const cstr = (text: string) => Buffer.from(`${text}\0`, 'utf8');
    await new Promise((resolve) => socket.once('connect', resolve));
    const params = Buffer.concat([cstr('user'), cstr('postgres'), cstr('database'), cstr('postgres'), Buffer.from([0])]);
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196608, 4);
    socket.write(Buffer.concat([startup, params]));
    await until(1);
    socket.write(frame('Q', cstr("BEGIN; UPDATE account SET balance = balance - 100 WHERE id = 3")));
    await until(2);
    // Parse and Bind, never Sync: the session holds half an extended query.
    socket.write(Buffer.concat([frame('P', Buffer.concat([cstr(''), cstr('SELECT 1'), Buffer.from([0, 0])])), frame('B', Buffer.concat([cstr(''), cstr(''), Buffer.from([0, 0, 0, 0, 0, 0])]))]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.destroy();
    expect((await pool.query('SELECT sum(balance)::int AS total FROM account')).rows[0].total).toBe(1000);
    expect((await pool.query('SELECT $1::int + 1 AS two', [1])).rows[0].two).toBe(2);
  });
});
