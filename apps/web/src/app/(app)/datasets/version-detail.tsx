import type { DatasetComposition, DatasetVersion, LeakageReport } from '@/lib/datasets/dataset-types';
import { formatDateTime } from '@/lib/format';
import { CompositionView } from './composition-view';
import styles from './datasets.module.css';
import { LeakagePanel } from './leakage-panel';

export function VersionDetail({
  datasetName,
  version,
  composition,
  compositionError,
  leakage,
  conceptNames,
}: {
  datasetName: string;
  version: DatasetVersion;
  composition: DatasetComposition | null;
  compositionError: string | null;
  leakage: { value: LeakageReport | null; error: string | null };
  conceptNames: Record<string, string>;
}) {
  return (
    <section className="panel" aria-labelledby="version-title" data-testid="version-detail">
      <div className="panel__header">
        <h2 id="version-title">
          {datasetName} v{version.version}
        </h2>
        <span className="muted">{formatDateTime(version.createdAt)}</span>
      </div>
      <div className={`panel__body ${styles.detailBody}`}>
        <dl className="facts">
          <dt>Content hash</dt>
          <dd className="mono" data-testid="content-hash">
            {version.contentHash}
          </dd>
          <dt>Images</dt>
          <dd>{version.itemCount}</dd>
          <dt>Note</dt>
          <dd>{version.note ?? '—'}</dd>
        </dl>
        <h3>Leakage</h3>
        <LeakagePanel report={leakage.value} error={leakage.error} />
        <h3>Composition</h3>
        {composition ? (
          composition.total === 0 ? (
            <p className="muted">This version has no items.</p>
          ) : (
            <CompositionView
              composition={composition}
              conceptNames={conceptNames}
              versionLabel={`${datasetName}-v${version.version}`}
            />
          )
        ) : (
          <p className="notice" data-testid="composition-unavailable">
            The composition could not be loaded{compositionError ? `: ${compositionError}` : '.'}
          </p>
        )}
      </div>
    </section>
  );
}
