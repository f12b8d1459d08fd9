// Where one cases(first: 50) request spends its time: every SQL statement it sends (timed at the pg driver), and
// the CPU per request of this process (API + HTTP client) and of the embedded database server, for the real API
// over HTTP and for the one-statement reference server, requests sent one at a time.
// `npx tsx bench/trace-cases-request.ts` (TRACE_CASES, default 300; TRACE_RUNS, default 40).
import './production-mode.js';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { createDb, ensureDatabase, migrateDatabase, refreshStatistics, seedConcepts } from '@dermino/db';
import { createTestCase, createTestUser } from '@dermino/db/testing';
import { startApi } from '../src/app.js';
import { signSessionToken } from '../src/auth/session-token.js';
import { createLogger } from '../src/logger.js';
import { BENCH_QUERY } from './bench-query.js';
import { startReferenceServer } from './reference-server.js';
import { traceStatements } from './trace-statements.js';

const CASES = Number(process.env.TRACE_CASES ?? 300);
const RUNS = Number(process.env.TRACE_RUNS ?? 40);
/** A folder: write a CPU profile of this process for each measured loop (for chrome devtools). */
const PROFILE_DIR = process.env.TRACE_PROFILE_DIR;

/** CPU ms used so far by this process's children (the embedded database server), from /proc (Linux). */
function childrenCpuMs(): number {
  const children = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim();
  let ticks = 0;
  for (const pid of children.split(/\s+/).filter(Boolean)) {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  }
  return ticks * 10; // USER_HZ = 100
}

async function measure(name: string, send: () => Promise<void>) {
  await send();
  await send();
  const session = PROFILE_DIR ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const trace = traceStatements();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const databaseCpu = childrenCpuMs();
  for (let i = 0; i < RUNS; i += 1) await send();
  const apiMs = (({ user, system }) => (user + system) / 1000 / RUNS)(process.cpuUsage(cpu));
  const databaseMs = (childrenCpuMs() - databaseCpu) / RUNS;
  const wallMs = (performance.now() - started) / RUNS;
  const statements = trace.stop();
  if (session && PROFILE_DIR) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(
      path.join(PROFILE_DIR, `${name.replace(/\W+/g, '-')}.cpuprofile`),
      JSON.stringify(profile),
    );
    session.disconnect();
  }
  console.log(`\n${name}: ${wallMs.toFixed(1)} ms per request (sequential)`);
  for (const { text, count, meanMs } of statements) {
    console.log(`  ${(count / RUNS).toFixed(1)} x ${meanMs.toFixed(1)} ms  ${text.slice(0, 110)}`);
  }
  const perRequest = statements.reduce((sum, s) => sum + s.count, 0) / RUNS;
  console.log(`  statements per request: ${perRequest.toFixed(1)}`);
  console.log(
    `  CPU per request: this process ${apiMs.toFixed(1)} ms, database server ${databaseMs.toFixed(1)} ms`,
  );
}

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
  const api = await startApi({
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'silent', pretty: false }),
    config: { sessionSecret: secret, home, nodeEnv: 'production', version: 'trace' },
  });
  const reference = await startReferenceServer(db);
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: BENCH_QUERY, variables: { first: 50 } }),
  };
  const post = (url: string) => async () => {
    const body = (await (await fetch(url, init)).json()) as { data?: { cases: { edges: unknown[] } } };
    if (body.data?.cases.edges.length !== 50) throw new Error(JSON.stringify(body).slice(0, 300));
  };
  await measure('API cases(first: 50)', post(`${api.url}/graphql`));
  await measure('reference', post(reference.url));
  await api.close();
  await reference.close();
  await db.$disconnect();
} finally {
  await database.close();
  fs.rmSync(home, { recursive: true, force: true });
}
