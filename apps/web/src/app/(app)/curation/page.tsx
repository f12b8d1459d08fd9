import type { Metadata } from 'next';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { filterOptionsQuery } from '@/lib/cases/case-queries';
import { buildConceptOptions } from '@/lib/cases/concept-options';
import { readAuditReport } from '@/lib/curation/audit-report';
import {
  curationGridQuery,
  dataAuditsQuery,
  importRunQuery,
  importRunsQuery,
  versionsQuery,
} from '@/lib/curation/curation-queries';
import { parseCurationSearch } from '@/lib/curation/curation-search';
import { loadSummaries } from '@/lib/curation/load-summaries';
import { formatDateTime, pluralize } from '@/lib/format';
import { AuditPanel } from './audit-panel';
import styles from './curation.module.css';
import { CurationFilters } from './curation-filters';
import { GridSection } from './grid-section';
import { ImportProblems, ImportRuns } from './import-runs';
import { SecondReadsPanel } from './second-reads-panel';

export const metadata: Metadata = { title: 'Curation' };

export default async function CurationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(['ADMIN', 'DATA']);
  const params = await searchParams;
  const search = parseCurationSearch(params);
  const [options, grid, { datasets }, { dataAudits }, { importRuns: runPage }] = await Promise.all([
    queryApi(filterOptionsQuery, {}),
    queryApi(curationGridQuery, {
      filter: search.filter,
      first: search.pageSize,
      after: search.after.at(-1),
    }).catch((error: unknown) => {
      if (isApiError(error, 'BAD_USER_INPUT')) return { invalid: error.message };
      throw error;
    }),
    queryApi(versionsQuery, {}),
    queryApi(dataAuditsQuery, { filter: search.version ? { datasetVersionId: [search.version] } : {} }).catch(
      (error: unknown) => {
        if (isApiError(error, 'BAD_USER_INPUT')) return { dataAudits: { edges: [] } };
        throw error;
      },
    ),
    queryApi(importRunsQuery, {}),
  ]);
  const importRuns = runPage.edges.map((edge) => edge.node);
  const audit = dataAudits.edges[0]?.node ?? null;
  const report = audit ? readAuditReport(audit.report) : null;
  const cases = 'invalid' in grid ? [] : grid.cases.edges.map((edge) => edge.node);
  const gridImages = cases.flatMap((kase) => kase.images.map((image) => ({ kase, imageId: image.id })));
  const auditImageIds = report
    ? [
        ...report.labelIssues.map((i) => i.imageId),
        ...report.exactDuplicates.flat(),
        ...report.nearDuplicates.flat(),
      ]
    : [];
  const summaries = await loadSummaries([...gridImages.map((i) => i.imageId), ...auditImageIds]);
  const selectedRunId = search.run ?? importRuns[0]?.id ?? null;
  const run = selectedRunId ? (await queryApi(importRunQuery, { id: selectedRunId })).importRun : null;
  const concepts = options.concepts.map((c) => ({ code: c.code, name: c.name }));
  const versionName = (id: string) => {
    for (const { node: dataset } of datasets.edges)
      for (const v of dataset.versions) if (v.id === id) return `${dataset.name} v${v.version}`;
    return id;
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Curation</h1>
          <p className="page-header__meta" data-testid="grid-count">
            {'invalid' in grid
              ? ''
              : `${pluralize(gridImages.length, 'image')} of ${pluralize(grid.cases.totalCount, 'case')}`}
          </p>
        </div>
      </div>
      <section aria-labelledby="grid-title">
        <h2 id="grid-title">Images</h2>
        <CurationFilters
          search={search}
          concepts={buildConceptOptions(options.concepts)}
          sites={options.caseFacets.sites}
          sources={options.caseFacets.sources}
        />
        <GridSection
          grid={grid}
          images={gridImages.map(({ kase, imageId }) => ({
            imageId,
            caseId: kase.id,
            label: summaries.get(imageId)?.diagnosis ?? null,
            site: kase.site,
            skinType: kase.patient.skinType,
            source: kase.source,
          }))}
          search={search}
          params={params}
          concepts={concepts}
        />
      </section>
      <section className={styles.section} aria-labelledby="audit-title">
        <h2 id="audit-title">Data audit</h2>
        <AuditPanel
          versions={datasets.edges.flatMap(({ node: d }) =>
            d.versions.map((v) => ({ id: v.id, label: `${d.name} v${v.version}` })),
          )}
          selectedVersion={search.version ?? audit?.datasetVersionId ?? ''}
          heading={
            audit
              ? `Latest audit of ${versionName(audit.datasetVersionId)}, ${formatDateTime(audit.createdAt)}`
              : null
          }
          report={report}
          summaries={summaries}
          concepts={concepts}
        />
      </section>
      <section className={styles.section} id="second-reads" aria-labelledby="second-reads-title">
        <h2 id="second-reads-title">Second reads</h2>
        <SecondReadsPanel concepts={concepts} />
      </section>
      <section className={styles.section} id="import-runs" aria-labelledby="imports-title">
        <h2 id="imports-title">Import runs</h2>
        {importRuns.length === 0 ? (
          <p className="muted" data-testid="imports-empty">
            No imports yet (<span className="mono">dermino import</span> records one per run).
          </p>
        ) : (
          <>
            <ImportRuns runs={importRuns} selectedId={selectedRunId} />
            {run ? (
              <div className={styles.section}>
                <h3>
                  Row problems of run <span className="mono">{run.id.slice(0, 8)}</span> ({run.kind},{' '}
                  {run.status.toLowerCase()})
                </h3>
                <ImportProblems problems={run.problems.edges.map((edge) => edge.node)} />
              </div>
            ) : (
              <p className="notice">No import run with id {selectedRunId}.</p>
            )}
          </>
        )}
      </section>
    </>
  );
}
