import type { ImportSummary } from '@dermino/ingest';

/** The end-of-import report a data team reads: what came in, what was skipped and why, where the rest is. */
export function printImportSummary(summary: ImportSummary): void {
  const { counts } = summary;
  const lines = [
    `${summary.resumed ? 'Resumed and finished' : 'Finished'} import run ${summary.runId} (${summary.kind} -> source "${summary.source}") in ${summary.seconds.toFixed(1)} s`,
    `  rows ${counts.rows}: imported ${counts.imported}, already present ${counts.alreadyPresent}, skipped ${counts.skipped}`,
    `  new patients ${counts.patients}, new cases ${counts.cases}, labels ${counts.annotations}`,
    `  exact duplicates linked ${counts.duplicates}, pending (file to come) ${counts.pending}${counts.attached ? `, pending completed ${counts.attached}` : ''}`,
  ];
  for (const [note, value] of Object.entries(summary.notes)) lines.push(`  ${note}: ${value}`);
  if (counts.skipped > 0) {
    lines.push('Skipped rows by reason:');
    for (const [reason, count] of Object.entries(summary.reasons))
      lines.push(`  ${String(count).padStart(6)}  ${reason}`);
    lines.push('First problems (row = line in the CSV, header is line 1):');
    for (const problem of summary.problems.slice(0, 10)) {
      lines.push(`  row ${problem.row}${problem.field ? ` (${problem.field})` : ''}: ${problem.reason}`);
    }
    if (summary.problems.length < counts.skipped || counts.skipped > 10)
      lines.push('  (all problems: --json, or the ImportProblem rows of the run)');
  }
  console.log(lines.join('\n'));
}
