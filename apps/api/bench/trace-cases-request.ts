// Where one cases(first: 50) request spends its time: every SQL statement it sends (timed at the pg driver),
// and the request as a whole, run sequentially through the real Apollo server on a fresh embedded Postgres.
// `npx tsx bench/trace-cases-request.ts` (TRACE_CASES, default 120).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, ensureDatabase, migrateDatabase, refreshStatistics, seedConcepts } from '@dermino/db';
import { createTestCase, createTestUser } from '@dermino/db/testing';
import pg from 'pg';
import { signSessionToken } from '../src/auth/session-token.js';
import { createContext } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';
import { createApiServices } from '../src/services.js';
import { BENCH_QUERY } from './bench-query.js';

const CASES = Number(process.env.TRACE_CASES ?? 120);
const RUNS = 20;

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-trace-'));
const database = await ensureDatabase({ home });
try {
  await migrateDatabase({ url: database.url });
  const db = createDb({ url: database.url });
  await seedConcepts(db);
  for (let i = 0; i < CASES; i += 1) {
    await createTestCase(db, {
      source: 'trace',
      images: [{}, {}],
      annotations: [
        { concept: 'nv', image: 0 },
        { concept: 'mel', confirmation: 'HISTOPATHOLOGY' },
      ],
    });
  }
  await refreshStatistics(db);
  const user = await createTestUser(db, { role: 'CLINICIAN' });
  const secret = 'trace-session-secret-0123456789abcdef';
  const token = signSessionToken({ sub: user.id, role: user.role }, { secret }).token;
  const deps = {
    db,
    logger: createLogger({ level: 'silent', pretty: false }),
    config: { sessionSecret: secret, home, nodeEnv: 'production' as const, version: 'trace' },
    services: createApiServices(db, { home }),
  };
  const server = createServer(deps);
  await server.start();
  const runOnce = async () => {
    const contextValue = await createContext(deps, { authorization: `Bearer ${token}` });
    const response = await server.executeOperation(
      { query: BENCH_QUERY, variables: { first: 50 } },
      { contextValue },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors)
      throw new Error(JSON.stringify(response.body).slice(0, 300));
  };
  await runOnce();
  await runOnce();

  const timings = new Map<string, number[]>();
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    const text = (typeof config === 'string' ? config : (config?.text ?? '?')).replace(/\s+/g, ' ');
    const started = performance.now();
    const record = () => {
      const list = timings.get(text) ?? [];
      list.push(performance.now() - started);
      timings.set(text, list);
    };
    // pg.Pool#query passes a callback; a direct client.query returns a promise.
    const callbackAt = args.findIndex((arg) => typeof arg === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (...a: unknown[]) => void;
      args[callbackAt] = (...a: unknown[]) => {
        record();
        callback(...a);
      };
    }
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (callbackAt < 0 && result instanceof Promise) result.then(record, () => {});
    return result;
  } as typeof original;
  const started = performance.now();
  for (let i = 0; i < RUNS; i += 1) await runOnce();
  const perRequest = (performance.now() - started) / RUNS;
  pg.Client.prototype.query = original;

  let statements = 0;
  let sqlMs = 0;
  for (const [text, list] of timings) {
    const mean = list.reduce((a, b) => a + b, 0) / list.length;
    statements += list.length / RUNS;
    sqlMs += (mean * list.length) / RUNS;
    console.log(`${(list.length / RUNS).toFixed(1)} x ${mean.toFixed(1)} ms  ${text.slice(0, 160)}`);
  }
  console.log(
    `statements per request: ${statements.toFixed(1)}; SQL ${sqlMs.toFixed(1)} ms of ${perRequest.toFixed(1)} ms`,
  );
  await server.stop();
  await deps.services.close();
  await db.$disconnect();
} finally {
  await database.close();
  fs.rmSync(home, { recursive: true, force: true });
}
