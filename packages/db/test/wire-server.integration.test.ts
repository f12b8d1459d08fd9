import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
});
