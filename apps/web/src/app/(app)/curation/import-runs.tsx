import Link from 'next/link';
import { DataTable } from '@/components/charts/data-table';
import type { ImportRunRow } from '@/lib/curation/curation-queries';
import { formatDateTime } from '@/lib/format';

const countsText = (counts: unknown) =>
  counts && typeof counts === 'object'
    ? Object.entries(counts as Record<string, unknown>)
        .map(([key, value]) => `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
        .join(', ')
    : '';

/** Import runs newest first; a run's id opens its row problems below. */
export function ImportRuns({ runs, selectedId }: { runs: ImportRunRow[]; selectedId: string | null }) {
  const rows = runs.map((run) => ({
    id: run.id,
    testId: 'import-run',
    cells: {
      id: {
        value: run.id,
        display: (
          <Link
            href={`/curation?run=${run.id}#import-runs`}
            aria-current={run.id === selectedId ? 'true' : undefined}
            className="mono"
          >
            {run.id.slice(0, 8)}
          </Link>
        ),
      },
      kind: { value: run.kind },
      status: { value: run.status },
      counts: { value: countsText(run.counts) },
      startedAt: { value: run.startedAt, display: formatDateTime(run.startedAt) },
      finishedAt: { value: run.finishedAt, display: formatDateTime(run.finishedAt) },
    },
  }));
  return (
    <DataTable
      caption="Import runs"
      exportName="import-runs"
      testId="import-runs"
      columns={[
        { key: 'id', label: 'Run' },
        { key: 'kind', label: 'Kind' },
        { key: 'status', label: 'Status' },
        { key: 'counts', label: 'Counts' },
        { key: 'startedAt', label: 'Started' },
        { key: 'finishedAt', label: 'Finished' },
      ]}
      rows={rows}
    />
  );
}

export function ImportProblems({
  problems,
}: {
  problems: { row: number; field: string | null; reason: string }[];
}) {
  if (problems.length === 0) return <p className="muted">This run has no row problems.</p>;
  return (
    <DataTable
      caption="Row problems"
      exportName="import-problems"
      testId="import-problems"
      columns={[
        { key: 'row', label: 'Row', numeric: true },
        { key: 'field', label: 'Field' },
        { key: 'reason', label: 'Problem' },
      ]}
      rows={problems.map((problem, index) => ({
        id: `${problem.row}-${index}`,
        testId: 'import-problem',
        cells: {
          row: { value: problem.row },
          field: { value: problem.field },
          reason: { value: problem.reason },
        },
      }))}
    />
  );
}
