import fs from 'node:fs';

const CASES_HEADER = '| date (UTC) | cases | clients |';

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
