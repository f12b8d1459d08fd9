import type { RowProblem } from '../sources/types.js';

export interface ImportCounts {
  rows: number;
  imported: number;
  alreadyPresent: number;
  skipped: number;
  duplicates: number;
  pending: number;
  annotations: number;
  patients: number;
  cases: number;
  attached: number;
}

export const emptyCounts = (): ImportCounts => ({
  rows: 0,
  imported: 0,
  alreadyPresent: 0,
  skipped: 0,
  duplicates: 0,
  pending: 0,
  annotations: 0,
  patients: 0,
  cases: 0,
  attached: 0,
});

export interface ImportSummary {
  runId: string;
  kind: string;
  source: string;
  status: 'COMPLETED' | 'FAILED';
  resumed: boolean;
  counts: ImportCounts;
  /** Skipped rows by kind of reason (ids and values replaced by #), most frequent first. */
  reasons: Record<string, number>;
  /** The first problems, by row; all of them are kept with the run. */
  problems: RowProblem[];
  notes: Record<string, number>;
  seconds: number;
}

/** "no image file ISIC_0024306.jpg in /x" and "... ISIC_0024307.jpg ..." are one kind of reason. */
export function reasonKind(problem: RowProblem): string {
  const reason = problem.reason
    .replace(/"[^"]*"/g, '"#"')
    .replace(/\(first at row \d+\)/, '')
    .replace(/\b[\w.-]*\d[\w.-]*\b/g, '#')
    .replace(/ in \/\S+/g, '')
    .replace(/ \(\/\S+\)/g, '')
    .trim();
  return problem.field ? `${problem.field}: ${reason}` : reason;
}

export function countReasons(
  problems: readonly RowProblem[],
  into: Record<string, number> = {},
): Record<string, number> {
  for (const problem of problems) into[reasonKind(problem)] = (into[reasonKind(problem)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(into).sort((a, b) => b[1] - a[1]));
}
