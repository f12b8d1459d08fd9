import os from 'node:os';
import type { InterleavedResult } from './interleave.js';

/** The header's start of the cases table on both databases in BENCHMARKS.md (rows are added below it). */
export const CASES_TABLE_HEADER = '| date (UTC) | database | processes | clients |';

/** Statements and CPU per request of one server, requests sent one at a time. */
export interface SequentialProfile {
  statements: number;
  serverCpuMs: number;
  databaseCpuMs: number;
}

/** One configuration's measurement: API, PostGraphile and (1 process) the reference. */
export interface CasesRun {
  database: 'pglite' | 'postgres';
  processes: number;
  clients: number;
  seconds: number;
  cases: number;
  loadAtStart: number;
  api: InterleavedResult & { sequential: SequentialProfile };
  postGraphile: InterleavedResult & { sequential: SequentialProfile };
  reference?: InterleavedResult & { sequential: SequentialProfile };
}

const round1 = (n: number) => Number(n.toFixed(1));
const ratioOf = (run: CasesRun) =>
  Number((run.api.requests.average / run.postGraphile.requests.average).toFixed(2));
const failures = (result: InterleavedResult) => result.errors + result.non2xx + result.mismatches;

function side(result: InterleavedResult & { sequential: SequentialProfile }) {
  return {
    requestsPerSecond: round1(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: failures(result),
    cpuMsPerRequestUnderLoad: result.cpuMsPerRequest,
    sequential: result.sequential,
  };
}

/** The --json line: `ratio` first (API / PostGraphile requests/s), then the configuration and both sides. */
export function casesJson(run: CasesRun): string {
  return JSON.stringify({
    ratio: ratioOf(run),
    database: run.database,
    processes: run.processes,
    clients: run.clients,
    seconds: run.seconds,
    cases: run.cases,
    loadAverageAtStart: round1(run.loadAtStart),
    api: side(run.api),
    postGraphile: side(run.postGraphile),
    ...(run.reference ? { reference: side(run.reference) } : {}),
  });
}

const cpuCell = (result: InterleavedResult) =>
  result.cpuMsPerRequest ? `${result.cpuMsPerRequest.server} / ${result.cpuMsPerRequest.database}` : '–';

/** The BENCHMARKS.md row of one configuration. */
export function casesRow(run: CasesRun): string {
  const { api, postGraphile, reference } = run;
  const cells = [
    new Date().toISOString().slice(0, 16).replace('T', ' '),
    run.database === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15',
    run.processes,
    run.clients,
    run.seconds,
    Math.round(api.requests.average),
    api.latency.p50,
    api.latency.p99,
    Math.round(postGraphile.requests.average),
    postGraphile.latency.p50,
    postGraphile.latency.p99,
    ratioOf(run).toFixed(2),
    cpuCell(api),
    cpuCell(postGraphile),
    `${api.sequential.statements} / ${postGraphile.sequential.statements}`,
    reference ? Math.round(reference.requests.average) : '–',
    [api, postGraphile, ...(reference ? [reference] : [])].map(failures).join(' / '),
    run.loadAtStart.toFixed(1),
    `${os.cpus().length} x ${os.cpus()[0]?.model.trim()}`,
  ];
  return `| ${cells.join(' | ')} |`;
}
