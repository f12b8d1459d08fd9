import type { Dataset, LeakageReport } from '@/lib/datasets/dataset-types';
import { formatDateTime, pluralize } from '@/lib/format';
import styles from './datasets.module.css';
import { LeakageBadge } from './leakage-panel';
import { SortableTable } from './sortable-table';

const COLUMNS = [
  { key: 'version', label: 'Version', numeric: true },
  { key: 'itemCount', label: 'Images', numeric: true },
  { key: 'createdAt', label: 'Created (UTC)' },
  { key: 'contentHash', label: 'Content hash', mono: true },
  { key: 'leakage', label: 'Leakage' },
  { key: 'note', label: 'Note' },
];

export function DatasetSection({
  dataset,
  leakage,
  selectedId,
}: {
  dataset: Dataset;
  leakage: Map<string, { value: LeakageReport | null; error: string | null }>;
  selectedId: string | null;
}) {
  const rows = dataset.versions.map((version) => {
    const report = leakage.get(version.id)?.value ?? null;
    return {
      id: version.id,
      href: `/datasets?version=${version.id}`,
      version: version.version,
      itemCount: version.itemCount,
      createdAt: formatDateTime(version.createdAt).replace(' UTC', ''),
      contentHash: version.contentHash.slice(0, 16),
      leakage: report
        ? report.intact
          ? report.clean
            ? 'clean'
            : 'leaking'
          : 'hash mismatch'
        : 'not checked',
      note: version.note,
    };
  });
  const badges = Object.fromEntries(
    dataset.versions.map((version) => [
      version.id,
      { leakage: <LeakageBadge report={leakage.get(version.id)?.value ?? null} /> },
    ]),
  );
  return (
    <section
      className="panel"
      aria-labelledby={`dataset-${dataset.id}`}
      data-testid="dataset"
      data-name={dataset.name}
    >
      <div className="panel__header">
        <h2 id={`dataset-${dataset.id}`}>{dataset.name}</h2>
        <span className="muted">{pluralize(dataset.versions.length, 'version')}, newest first</span>
      </div>
      {dataset.description ? (
        <p className={`panel__body ${styles.description}`}>{dataset.description}</p>
      ) : null}
      <SortableTable
        caption={`Versions of ${dataset.name}`}
        columns={COLUMNS}
        rows={rows}
        filename={`${dataset.name}-versions.csv`}
        linkColumn="version"
        badges={badges}
        selectedId={selectedId}
        testId="versions-table"
      />
    </section>
  );
}
