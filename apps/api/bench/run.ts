// npm run bench -w @dermino/api: cases(first: 50) with images and annotations under 16 concurrent clients
// (autocannon) against the real API on a fresh embedded Postgres; results appended to BENCHMARKS.md.
import './production-mode.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createDb,
  ensureDatabase,
  migrateDatabase,
  refreshStatistics,
  seedConcepts,
  seedDemoUsers,
} from '@dermino/db';
import { createTestCase, createTestUser } from '@dermino/db/testing';
import autocannon from 'autocannon';
import { startApi } from '../src/app.js';
import { signSessionToken } from '../src/auth/session-token.js';
import { createLogger } from '../src/logger.js';
import { BENCH_QUERY } from './bench-query.js';
import { startReferenceServer } from './reference-server.js';
import { appendCasesRow } from './write-row.js';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 16;

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-bench-'));
const database = await ensureDatabase({ home });
try {
  await migrateDatabase({ url: database.url });
  const db = createDb({ url: database.url });
  await seedConcepts(db);
  await seedDemoUsers(db);
  const codes = ['nv', 'mel', 'bcc', 'bkl', 'akiec'];
  for (let index = 0; index < CASES; index += 1) {
    await createTestCase(db, {
      source: 'bench',
      site: ['back', 'face', 'arm'][index % 3],
      images: [{}, {}],
      annotations: [
        { concept: codes[index % codes.length], confirmation: 'SINGLE_READER', image: 0 },
        { concept: codes[(index + 1) % codes.length], confirmation: 'HISTOPATHOLOGY' },
      ],
    });
  }
  // As a seed or an import does: PGlite has no autovacuum, so the planner would keep an empty table's counts.
  await refreshStatistics(db);
  const user = await createTestUser(db, { role: 'CLINICIAN' });
  const secret = 'bench-session-secret-0123456789abcdef';
  const token = signSessionToken({ sub: user.id, role: user.role }, { secret, lifetimeSeconds: 3600 }).token;
  const api = await startApi({
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ level: 'silent', pretty: false }),
    config: { sessionSecret: secret, home, nodeEnv: 'production', version: 'bench' },
  });
  const request = {
    url: `${api.url}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: BENCH_QUERY, variables: { first: 50 } }),
  };
  const check = await fetch(request.url, request);
  const body = (await check.json()) as { data?: { cases: { edges: unknown[] } }; errors?: unknown };
  if (!body.data || body.data.cases.edges.length !== 50)
    throw new Error(`the benchmark query failed: ${JSON.stringify(body).slice(0, 300)}`);
  const reference = await startReferenceServer(db);
  const referenceRequest = { ...request, url: reference.url };
  // Alternating runs, so both see the same load of this shared machine.
  await autocannon({ ...request, connections: CONNECTIONS, duration: 3 }); // warm-up
  await autocannon({ ...referenceRequest, connections: CONNECTIONS, duration: 3 });
  const result = await autocannon({ ...request, connections: CONNECTIONS, duration: SECONDS });
  const baseline = await autocannon({ ...referenceRequest, connections: CONNECTIONS, duration: SECONDS });
  await api.close();
  await reference.close();
  await db.$disconnect();
  const row = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    cases: CASES,
    connections: CONNECTIONS,
    seconds: SECONDS,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    referenceRequestsPerSecond: Math.round(baseline.requests.average),
    referenceP99: baseline.latency.p99,
    ratio: (result.requests.average / baseline.requests.average).toFixed(2),
    load: os.loadavg()[0].toFixed(1),
    cpus: `${os.cpus().length} x ${os.cpus()[0]?.model.trim()}`,
  };
  console.log(JSON.stringify(row));
  appendCasesRow(
    new URL('../BENCHMARKS.md', import.meta.url),
    `| ${row.date} | ${row.cases} | ${row.connections} | ${row.seconds} | ${row.requestsPerSecond} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.referenceRequestsPerSecond} | ${row.referenceP99} | ${row.ratio} | ${row.load} | ${row.cpus} |`,
  );
} finally {
  await database.close();
  fs.rmSync(home, { recursive: true, force: true });
}
