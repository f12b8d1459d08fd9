import fs from 'node:fs';

/**
 * Adds `row` at the end of the table of BENCHMARKS.md whose header line starts with `header`, not at the end of
 * the file: other sections follow it.
 */
export function appendTableRow(file: URL, header: string, row: string): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  if (start < 0) throw new Error(`${file.pathname} has no table with a header starting "${header}"`);
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith('|')) end += 1;
  lines.splice(end, 0, row);
  fs.writeFileSync(file, lines.join('\n'));
}
