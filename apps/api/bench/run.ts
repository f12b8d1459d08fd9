// npm run bench -w @dermino/api: cases(first: 50) with images and annotations under 16 concurrent clients
// (autocannon) against the real API, the one-statement SQL reference and PostGraphile v5, each in its own
// process, on one fresh embedded Postgres; results appended to BENCHMARKS.md.
import './production-mode.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, ensureDatabase, migrateDatabase, readServerInfo } from '@dermino/db';
import { createTestUser } from '@dermino/db/testing';
import autocannon from 'autocannon';
import { signSessionToken } from '../src/auth/session-token.js';
import { BENCH_QUERY } from './bench-query.js';
import { runInterleaved, type Target } from './interleave.js';
import { checkSamePage, POSTGRAPHILE_QUERY } from './postgraphile-query.js';
import { readProcessCpuMs } from './process-cpu.js';
import { seedBenchCases } from './seed-cases.js';
import { type ChildServer, startChildServer } from './start-child.js';
import { appendCasesRow, formatCasesRow } from './write-row.js';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 16;
/** Each server's SECONDS are split in this many turns, the order rotated every round. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PREPARED = process.env.BENCH_POSTGRAPHILE_PREPARED === '1';
/** Sequential requests whose SQL statements and CPU are counted, per server. */
const TRACED_REQUESTS = 20;

type Request = Target;

function graphqlRequest(url: string, query: string, headers: Record<string, string> = {}): Request {
  const body = JSON.stringify({ query, variables: { first: 50 } });
  return { url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
}

async function post(request: Request): Promise<unknown> {
  return (await fetch(request.url, request)).json();
}

/**
 * Sends TRACED_REQUESTS requests one at a time: SQL statements per request, CPU ms per request of the server's
 * process and of the database server's, and the statements of one request.
 */
async function profileRequests(server: ChildServer, request: Request, databasePid: number) {
  for (let i = 0; i < 5; i += 1) await post(request); // past the first compilations
  const serverCpu = readProcessCpuMs(server.pid);
  const databaseCpu = readProcessCpuMs(databasePid);
  const statements = await server.traceStatements(async () => {
    for (let i = 0; i < TRACED_REQUESTS; i += 1) await post(request);
  });
  const perRequest = (ms: number) => Number((ms / TRACED_REQUESTS).toFixed(1));
  return {
    statements: statements.length / TRACED_REQUESTS,
    serverCpuMs: perRequest(readProcessCpuMs(server.pid) - serverCpu),
    databaseCpuMs: perRequest(readProcessCpuMs(databasePid) - databaseCpu),
    one: await server.traceStatements(async () => void (await post(request))),
  };
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-bench-'));
const database = await ensureDatabase({ home });
const servers: ChildServer[] = [];
try {
  await migrateDatabase({ url: database.url });
  const db = createDb({ url: database.url });
  await seedBenchCases(db, CASES);
  const user = await createTestUser(db, { role: 'CLINICIAN' });
  await db.$disconnect();
  const secret = 'bench-session-secret-0123456789abcdef';
  const token = signSessionToken({ sub: user.id, role: user.role }, { secret, lifetimeSeconds: 3600 }).token;
  const [api, reference, postGraphile] = await Promise.all([
    startChildServer('api-process.ts', [database.url, home, secret]),
    startChildServer('reference-process.ts', [database.url]),
    // The embedded server serves every connection from ONE PGlite session, so the named prepared statements
    // PostGraphile makes per connection collide ("prepared statement ... already exists") under concurrency:
    // they are off, unless BENCH_POSTGRAPHILE_PREPARED=1 (then through ONE connection, where they work).
    startChildServer('postgraphile/postgraphile-process.ts', [database.url, PREPARED ? '1' : '5'], {
      preload: ['with-resolvers-polyfill.mjs'],
      env: PREPARED ? process.env : { ...process.env, DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE: '0' },
    }),
  ]);
  servers.push(api, reference, postGraphile);
  const apiRequest = graphqlRequest(api.url, BENCH_QUERY, { authorization: `Bearer ${token}` });
  const referenceRequest = { ...apiRequest, url: reference.url };
  const postGraphileRequest = graphqlRequest(postGraphile.url, POSTGRAPHILE_QUERY);
  // A benchmark of an error page is worthless: all three must answer the same page first.
  const referenceBody = (await post(referenceRequest)) as { data?: { cases: { edges: unknown[] } } };
  if (referenceBody.data?.cases.edges.length !== 50)
    throw new Error(`the reference failed: ${JSON.stringify(referenceBody).slice(0, 300)}`);
  checkSamePage(await post(apiRequest), await post(postGraphileRequest), 50);
  const databasePid = readServerInfo(home)?.pid;
  if (!databasePid) throw new Error(`no embedded database server found in ${home}`);
  const profiles = {
    api: await profileRequests(api, apiRequest, databasePid),
    reference: await profileRequests(reference, referenceRequest, databasePid),
    postGraphile: await profileRequests(postGraphile, postGraphileRequest, databasePid),
  };
  for (const [name, { statements, serverCpuMs, databaseCpuMs }] of Object.entries(profiles))
    console.log(
      `${name}: ${statements} SQL statements per request; CPU per request (sequential): server ${serverCpuMs} ms, database ${databaseCpuMs} ms`,
    );
  console.log(
    `PostGraphile's SQL for one request:\n${profiles.postGraphile.one.join('\n-- next statement\n')}`,
  );
  // Warm-ups, then the timed runs interleaved, so all three see the same load of this shared machine.
  // GraphQL errors come back as HTTP 200: an answer without data, or with errors, is counted as an error.
  const verifyBody = (body: string) => body.startsWith('{"data":{') && !body.includes('"errors":');
  const targets = [apiRequest, referenceRequest, postGraphileRequest];
  for (const request of targets) await autocannon({ ...request, connections: CONNECTIONS, duration: 3 });
  const results = await runInterleaved(targets, {
    rounds: ROUNDS,
    seconds: SECONDS,
    connections: CONNECTIONS,
    verifyBody,
  });
  const loadAverage = os.loadavg()[0];
  const postGraphileNote = PREPARED ? 'prepared statements, 1 connection' : undefined;
  const row = formatCasesRow({
    cases: CASES,
    connections: CONNECTIONS,
    seconds: SECONDS,
    results,
    loadAverage,
    postGraphileNote,
  });
  console.log(row);
  if (process.env.BENCH_APPEND !== '0') appendCasesRow(new URL('../BENCHMARKS.md', import.meta.url), row);
} finally {
  await Promise.all(servers.map((server) => server.close()));
  await database.close();
  fs.rmSync(home, { recursive: true, force: true });
}
