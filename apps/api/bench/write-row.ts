import fs from 'node:fs';
import os from 'node:os';

const CASES_HEADER = '| date (UTC) | cases | clients |';

interface RunResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
  /** Answers failing the run's body check (GraphQL errors come back as HTTP 200). */
  mismatches: number;
}

/**
 * The cases table's row for one run: `results` are the API's, the one-statement reference's and PostGraphile's
 * autocannon results, in that order.
 */
export function formatCasesRow(run: {
  cases: number;
  connections: number;
  seconds: number;
  results: RunResult[];
  loadAverage: number;
  /** Written after PostGraphile's requests/s, for a run with other settings than the default. */
  postGraphileNote?: string;
}): string {
  const [api, reference, postGraphile] = run.results;
  const ratio = (other: RunResult) => (api.requests.average / other.requests.average).toFixed(2);
  const errors = run.results.map((result) => result.errors + result.non2xx + result.mismatches);
  const cells = [
    new Date().toISOString().slice(0, 16).replace('T', ' '),
    run.cases,
    run.connections,
    run.seconds,
    Math.round(api.requests.average),
    api.latency.p50,
    api.latency.p99,
    errors.join(' / '),
    Math.round(reference.requests.average),
    reference.latency.p99,
    ratio(reference),
    `${Math.round(postGraphile.requests.average)}${run.postGraphileNote ? ` (${run.postGraphileNote})` : ''}`,
    postGraphile.latency.p99,
    ratio(postGraphile),
    run.loadAverage.toFixed(1),
    `${os.cpus().length} x ${os.cpus()[0]?.model.trim()}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * Adds a row at the end of the cases table of BENCHMARKS.md (its first table), not at the end of the file:
 * other sections (predict, similar cases) follow it.
 */
export function appendCasesRow(file: URL, row: string): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const header = lines.findIndex((line) => line.startsWith(CASES_HEADER));
  if (header < 0) throw new Error(`${file.pathname} has no cases table (a line starting "${CASES_HEADER}")`);
  let end = header + 1;
  while (end < lines.length && lines[end].startsWith('|')) end += 1;
  lines.splice(end, 0, row);
  fs.writeFileSync(file, lines.join('\n'));
}
