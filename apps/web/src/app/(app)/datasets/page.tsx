import type { Metadata } from 'next';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import {
  compositionsQuery,
  conceptCodesQuery,
  datasetsQuery,
  leakageQuery,
} from '@/lib/datasets/dataset-queries';
import { type DatasetComposition, type LeakageReport, readLeakageReport } from '@/lib/datasets/dataset-types';
import { pluralize } from '@/lib/format';
import { DatasetSection } from './dataset-section';
import styles from './datasets.module.css';
import { FreezeForm } from './freeze-form';
import { VersionDetail } from './version-detail';

export const metadata: Metadata = { title: 'Datasets' };

// A failed side query (composition, one leakage check) is shown where it belongs instead of failing the page.
async function settle<T>(
  work: Promise<T>,
): Promise<{ value: T; error: null } | { value: null; error: string }> {
  try {
    return { value: await work, error: null };
  } catch (error) {
    if (isApiError(error)) return { value: null, error: error.message };
    throw error;
  }
}

export default async function DatasetsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(['ADMIN', 'DATA']);
  const requested = (await searchParams).version;
  const [{ datasets: datasetPage }, compositions, { concepts }] = await Promise.all([
    queryApi(datasetsQuery, {}),
    settle(queryApi(compositionsQuery, {})),
    queryApi(conceptCodesQuery, {}),
  ]);
  const datasets = datasetPage.edges.map((edge) => edge.node);
  const versions = datasets.flatMap((dataset) => dataset.versions.map((version) => ({ dataset, version })));
  const leakage = new Map<string, { value: LeakageReport | null; error: string | null }>(
    await Promise.all(
      versions.map(
        async ({ version }) =>
          [
            version.id,
            await settle(
              queryApi(leakageQuery, { versionId: version.id }).then((data) =>
                readLeakageReport(data.datasetVersionLeakage),
              ),
            ),
          ] as const,
      ),
    ),
  );
  const compositionOf = new Map<string, DatasetComposition>(
    (compositions.value?.datasets.edges ?? []).flatMap(({ node: dataset }) =>
      dataset.versions.map((version) => [version.id, version.composition] as const),
    ),
  );
  const conceptNames = Object.fromEntries(concepts.map((concept) => [concept.code, concept.name]));
  const selected = versions.find(({ version }) => version.id === requested) ?? versions[0] ?? null;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Datasets</h1>
          <p className="page-header__meta" data-testid="dataset-count">
            {pluralize(datasets.length, 'dataset')}, {pluralize(versions.length, 'frozen version')}
          </p>
        </div>
      </div>
      <details className={`panel ${styles.freezePanel}`} open={versions.length === 0}>
        <summary className="panel__header">
          <h2>Freeze a new version from a filter</h2>
        </summary>
        <div className="panel__body">
          <FreezeForm diagnosisCodes={concepts.map((concept) => concept.code)} />
        </div>
      </details>
      {typeof requested === 'string' && selected?.version.id !== requested ? (
        <p className="notice" role="status">
          No version with id <span className="mono">{requested}</span>; showing the newest instead.
        </p>
      ) : null}
      {datasets.length === 0 ? (
        <div className="panel empty-state" data-testid="empty-state">
          <h2>No datasets yet</h2>
          <p className="muted">
            Freeze the first version from a filter above, or with `dermino dataset freeze`.
          </p>
        </div>
      ) : (
        <div className={styles.pageGrid}>
          <div className={styles.datasetList}>
            {datasets.map((dataset) => (
              <DatasetSection
                key={dataset.id}
                dataset={dataset}
                leakage={leakage}
                selectedId={selected?.version.id ?? null}
              />
            ))}
          </div>
          {selected ? (
            <VersionDetail
              datasetName={selected.dataset.name}
              version={selected.version}
              composition={compositionOf.get(selected.version.id) ?? null}
              compositionError={compositions.error}
              leakage={leakage.get(selected.version.id) ?? { value: null, error: null }}
              conceptNames={conceptNames}
            />
          ) : null}
        </div>
      )}
    </>
  );
}
