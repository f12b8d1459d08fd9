// `npx tsx bench/statement-times.ts [--plans]` (apps/api; PostGraphile installed by `npm run bench:cases` first):
// the database's side of the cases page on a throwaway PostgreSQL 15 (system-postgres.ts) with pg_stat_statements:
// the API and PostGraphile (one process each, 300 cases) answer 100 pages each, one at a time, alternately; prints
// each statement's calls, mean execution ms and WAL records. --plans also logs every plan with its actual times
// (auto_explain, which slows every statement) and prints the last page's plan of each side.
import './production-mode.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, migrateDatabase } from '@dermino/db';
import { createTestUser } from '@dermino/db/testing';
import pg from 'pg';
import { signSessionToken } from '../src/auth/session-token.js';
import { BENCH_QUERY } from './bench-query.js';
import { startCasesServers } from './cases-servers.js';
import { POSTGRAPHILE_QUERY } from './postgraphile-query.js';
import { seedBenchCases } from './seed-cases.js';
import { startSystemPostgres } from './system-postgres.js';

const plans = process.argv.includes('--plans');
const secret = 'bench-session-secret-0123456789abcdef';
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-api-bench-'));
const server = await startSystemPostgres({
  shared_preload_libraries: plans ? 'pg_stat_statements,auto_explain' : 'pg_stat_statements',
  ...(plans ? { 'auto_explain.log_min_duration': '0', 'auto_explain.log_analyze': 'on' } : {}),
});
try {
  await migrateDatabase({ url: server.url });
  const db = createDb({ url: server.url });
  await seedBenchCases(db, 300);
  const user = await createTestUser(db, { role: 'CLINICIAN' });
  await db.$disconnect();
  const token = signSessionToken({ sub: user.id, role: user.role }, { secret, lifetimeSeconds: 3600 }).token;
  const servers = await startCasesServers({
    databaseUrl: server.url,
    embedded: false,
    home,
    sessionSecret: secret,
    processes: 1,
  });
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query('CREATE EXTENSION pg_stat_statements');
  const post = (url: string, query: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables: { first: 50 } }),
    }).then((response) => response.text());
  const both = async (times: number) => {
    for (let i = 0; i < times; i += 1) {
      await post(servers.api.url, BENCH_QUERY, { authorization: `Bearer ${token}` });
      await post(servers.postGraphile.url, POSTGRAPHILE_QUERY);
    }
  };
  await both(10); // past the first compilations
  await client.query('SELECT pg_stat_statements_reset()');
  await both(100);
  const { rows } =
    await client.query(`SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, wal_records,
      left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query
    FROM pg_stat_statements WHERE calls >= 100 ORDER BY total_exec_time DESC LIMIT 8`);
  console.log('calls\tmean ms\tWAL records\tstatement');
  for (const row of rows) console.log(`${row.calls}\t${row.mean_ms}\t${row.wal_records}\t${row.query}`);
  await client.end();
  await servers.close();
  if (plans) {
    const log = fs.readFileSync(server.logFile, 'utf8');
    for (const marker of ['WITH page AS MATERIALIZED', 'select __case__."id"']) {
      const at = log.lastIndexOf(marker);
      if (at > 0) console.log(log.slice(log.lastIndexOf('LOG:  duration', at), log.indexOf('\n\n', at)));
    }
  }
} finally {
  await server.stop();
  fs.rmSync(home, { recursive: true, force: true });
}
