// npm run bench:cases -w @dermino/api -- [--json] [--database pglite|postgres|both] [--clients 16,64]
// [--processes 1,2] [--seconds 15]: cases(first: 50) with patient, images, annotations and diagnosis against the
// real API and PostGraphile v5 (and, with one process, the one-statement SQL reference), each in its own
// process(es), on a fresh embedded Postgres (PGlite) and on a throwaway system PostgreSQL 15 with pgvector, 300
// cases seeded in each; rows appended to BENCHMARKS.md, or with --json one line per configuration on stdout.
import './production-mode.js';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, ensureDatabase, migrateDatabase, readServerInfo } from '@dermino/db';
import { createTestUser } from '@dermino/db/testing';
import autocannon from 'autocannon';
import { signSessionToken } from '../src/auth/session-token.js';
import { BENCH_QUERY } from './bench-query.js';
import { type CasesArgs, parseCasesArgs } from './cases-args.js';
import {
  CASES_TABLE_HEADER,
  type CasesRun,
  casesJson,
  casesRow,
  type SequentialProfile,
} from './cases-row.js';
import { type CasesServers, startCasesServers } from './cases-servers.js';
import { runInterleaved, type Target } from './interleave.js';
import { checkSamePage, POSTGRAPHILE_QUERY } from './postgraphile-query.js';
import { readProcessTreeCpuMs } from './process-cpu.js';
import { seedBenchCases } from './seed-cases.js';
import type { ChildServer } from './start-child.js';
import { startSystemPostgres } from './system-postgres.js';
import { appendTableRow } from './write-row.js';

const CASES = 300;
/** Each server's seconds are split in this many turns, the order rotated every round. */
const ROUNDS = 3;
/** Sequential requests whose SQL statements and CPU are counted, per server. */
const TRACED_REQUESTS = 20;
const SESSION_SECRET = 'bench-session-secret-0123456789abcdef';
const log = (line: string) => console.error(line);

function graphqlRequest(url: string, query: string, headers: Record<string, string> = {}): Target {
  const body = JSON.stringify({ query, variables: { first: 50 } });
  return { url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
}

async function post(request: Target): Promise<unknown> {
  return (await fetch(request.url, request)).json();
}

/** Statements and CPU ms per request (server's processes, database's), TRACED_REQUESTS sent one at a time. */
async function profile(
  server: ChildServer,
  request: Target,
  databasePid: number,
  processes: number,
): Promise<SequentialProfile> {
  // Past the first compilations, in every process of a cluster (each takes the next connection).
  for (let i = 0; i < 5 * processes; i += 1) await post(request);
  const serverCpu = readProcessTreeCpuMs(server.pid);
  const databaseCpu = readProcessTreeCpuMs(databasePid);
  const statements = await server.traceStatements(async () => {
    for (let i = 0; i < TRACED_REQUESTS; i += 1) await post(request);
  });
  const perRequest = (ms: number) => Number((ms / TRACED_REQUESTS).toFixed(1));
  return {
    statements: statements.length / TRACED_REQUESTS,
    serverCpuMs: perRequest(readProcessTreeCpuMs(server.pid) - serverCpu),
    databaseCpuMs: perRequest(readProcessTreeCpuMs(databasePid) - databaseCpu),
  };
}

/** One database, one process count: every client count, interleaved runs of all servers in each. */
async function measure(
  servers: CasesServers,
  context: {
    database: CasesRun['database'];
    processes: number;
    databasePid: number;
    auth: Record<string, string>;
  },
  args: CasesArgs,
): Promise<void> {
  const named = [
    { server: servers.api, request: graphqlRequest(servers.api.url, BENCH_QUERY, context.auth) },
    { server: servers.postGraphile, request: graphqlRequest(servers.postGraphile.url, POSTGRAPHILE_QUERY) },
    ...(servers.reference
      ? [{ server: servers.reference, request: graphqlRequest(servers.reference.url, BENCH_QUERY) }]
      : []),
  ];
  // A benchmark of an error page is worthless: the servers must answer the same page first.
  checkSamePage(await post(named[0].request), await post(named[1].request), 50);
  if (named[2]) {
    const body = (await post(named[2].request)) as { data?: { cases: { edges: unknown[] } } };
    if (body.data?.cases.edges.length !== 50)
      throw new Error(`the reference failed: ${JSON.stringify(body).slice(0, 300)}`);
  }
  const sequential: SequentialProfile[] = [];
  for (const { server, request } of named)
    sequential.push(await profile(server, request, context.databasePid, context.processes));
  log(`  sequential (statements, CPU ms server / database): ${JSON.stringify(sequential)}`);
  // GraphQL errors come back as HTTP 200: an answer without data, or with errors, counts as a failure.
  const verifyBody = (body: string) => body.startsWith('{"data":{') && !body.includes('"errors":');
  const targets = named.map(({ request }) => request);
  for (const clients of args.clients) {
    for (const request of targets) await autocannon({ ...request, connections: clients, duration: 3 });
    const loadAtStart = os.loadavg()[0];
    log(`  ${clients} clients, uptime at start: ${execSync('uptime').toString().trim()}`);
    const results = await runInterleaved(targets, {
      rounds: ROUNDS,
      seconds: args.seconds,
      connections: clients,
      verifyBody,
      readCpuMs: (index) => ({
        server: readProcessTreeCpuMs(named[index].server.pid),
        database: readProcessTreeCpuMs(context.databasePid),
      }),
    });
    const [api, postGraphile, reference] = results.map((result, i) => ({
      ...result,
      sequential: sequential[i],
    }));
    const { database, processes } = context;
    const run = {
      database,
      processes,
      clients,
      seconds: args.seconds,
      cases: CASES,
      loadAtStart,
      api,
      postGraphile,
      reference,
    };
    const line = args.json ? casesJson(run) : casesRow(run);
    console.log(line);
    if (!args.json && process.env.BENCH_APPEND !== '0')
      appendTableRow(new URL('../BENCHMARKS.md', import.meta.url), CASES_TABLE_HEADER, line);
  }
}

/** A fresh embedded database server (its own process) for the data folder `home`. */
async function startEmbedded(home: string) {
  const handle = await ensureDatabase({ home });
  const pid = readServerInfo(home)?.pid;
  if (!pid) {
    await handle.close();
    throw new Error(`no embedded database server found in ${home}`);
  }
  return { url: handle.url, pid, stop: () => handle.close() };
}

/** Starts the database, migrates and seeds it, measures every process count on it, stops it. */
async function benchDatabase(database: CasesRun['database'], args: CasesArgs): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-bench-'));
  const embedded = database === 'pglite';
  const started = embedded ? await startEmbedded(home) : await startSystemPostgres();
  try {
    const databasePid = started.pid;
    log(`${database}: migrating and seeding ${CASES} cases...`);
    await migrateDatabase({ url: started.url });
    const db = createDb({ url: started.url });
    await seedBenchCases(db, CASES);
    const user = await createTestUser(db, { role: 'CLINICIAN' });
    await db.$disconnect();
    const session = signSessionToken(
      { sub: user.id, role: user.role },
      { secret: SESSION_SECRET, lifetimeSeconds: 3600 },
    );
    const auth = { authorization: `Bearer ${session.token}` };
    for (const processes of args.processes) {
      if (embedded && processes > 1) {
        log(`pglite: ${processes} processes skipped (the embedded database serves one session)`);
        continue;
      }
      log(`${database}, ${processes} process(es) each: starting the servers...`);
      const servers = await startCasesServers({
        databaseUrl: started.url,
        embedded,
        home,
        sessionSecret: SESSION_SECRET,
        processes,
      });
      try {
        await measure(servers, { database, processes, databasePid, auth }, args);
      } finally {
        await servers.close();
      }
    }
  } finally {
    await started.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

let args: CasesArgs;
try {
  args = parseCasesArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
try {
  for (const database of args.databases) await benchDatabase(database, args);
} catch (error) {
  console.error(`bench:cases failed: ${(error as Error).message}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
}
