import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/charts/dashboard.module.css';
import { type Column, DataTable, type Row } from '@/components/charts/data-table';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { formatDate, formatEnum } from '@/lib/format';
import { isNonCommercial } from '@/lib/models/licence';
import { datasetsQuery, labelFractionOf, modelsQuery, versionNames } from '@/lib/models/model-queries';
import { rolesFor } from '../nav-items';
import { Lineage } from './lineage';
import { PromoteForm } from './promote-form';

export const metadata: Metadata = { title: 'Models' };

const COLUMNS: Column[] = [
  { key: 'name', label: 'Model' },
  { key: 'kind', label: 'Kind' },
  { key: 'licence', label: 'Licence of the weights' },
  { key: 'aliases', label: 'Aliases' },
  { key: 'labelFraction', label: 'Labels used', numeric: true },
  { key: 'lineage', label: 'Lineage (data → job → model ← backbone → evaluations)' },
  { key: 'createdAt', label: 'Registered' },
  { key: 'promote', label: 'Promote' },
];

export default async function ModelsPage() {
  const user = await requireRole(rolesFor('/models') ?? []);
  const [{ models: page }, datasets] = await Promise.all([
    queryApi(modelsQuery, { first: 100 }),
    // Dataset names only label the lineage; without them the ids are shown.
    queryApi(datasetsQuery, {}).catch(() => ({ datasets: { edges: [] } })),
  ]);
  const models = page.edges.map((edge) => edge.node);
  const names = versionNames(datasets.datasets.edges.map((edge) => edge.node));
  const canPromote = user.role === 'MANAGER' || user.role === 'ADMIN';
  const classifiers = models.filter((m) => m.kind === 'CLASSIFIER');
  const rows: Row[] = models.map((model) => {
    const fraction = labelFractionOf(model);
    const aliases = model.aliases.map((a) => a.alias);
    return {
      id: model.id,
      testId: 'model-row',
      cells: {
        name: { value: model.name, display: <Link href={`/models/${model.id}`}>{model.name}</Link> },
        kind: {
          value: formatEnum(model.kind),
          display: (
            <>
              {formatEnum(model.kind)}
              {model.status === 'FAILED' ? (
                <span className="badge" title={model.statusReason ?? undefined} data-testid="model-failed">
                  {' '}
                  failed
                </span>
              ) : null}
            </>
          ),
        },
        licence: {
          value: model.licence ?? '',
          display: model.licence ? (
            <span
              data-testid="model-licence"
              title={isNonCommercial(model.licence) ? 'non-commercial use only' : undefined}
            >
              {model.licence}
              {isNonCommercial(model.licence) ? <span className="badge"> non-commercial</span> : null}
            </span>
          ) : (
            '—'
          ),
        },
        aliases: {
          value: aliases.join(' '),
          display: aliases.length
            ? aliases.map((a) => (
                <span key={a} className="badge badge--accent" data-testid="alias">
                  {a}
                </span>
              ))
            : '—',
        },
        labelFraction: {
          value: fraction,
          display: fraction === null ? '—' : `${Math.round(fraction * 1000) / 10}%`,
        },
        lineage: {
          value:
            `${model.datasetVersionId ? (names.get(model.datasetVersionId) ?? model.datasetVersionId) : ''} ${model.parent?.name ?? ''}`.trim(),
          display: (
            <Lineage
              model={model}
              versionName={model.datasetVersionId ? (names.get(model.datasetVersionId) ?? null) : null}
            />
          ),
        },
        createdAt: { value: model.createdAt, display: formatDate(model.createdAt) },
        promote: {
          value: null,
          display:
            canPromote && model.kind === 'CLASSIFIER' && model.status !== 'FAILED' ? (
              <PromoteForm modelId={model.id} modelName={model.name} />
            ) : (
              '—'
            ),
        },
      },
    };
  });
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <h1>Models</h1>
          <p className="page-header__meta" data-testid="model-count">
            {models.length < page.totalCount
              ? `newest ${models.length} of ${page.totalCount}`
              : models.length}{' '}
            registered · {classifiers.length} classifiers
          </p>
        </div>
        {classifiers.length >= 2 ? (
          <Link className="button" href={`/models/compare?a=${classifiers[0]?.id}&b=${classifiers[1]?.id}`}>
            Compare two models
          </Link>
        ) : null}
      </div>
      {models.length === 0 ? (
        <div className="panel empty-state" data-testid="empty-state">
          <h2>No models yet</h2>
          <p className="muted">
            Train one with a PRETRAIN then a FINETUNE job (`dermino train`); it appears here when registered.
          </p>
          <Link className="button" href="/jobs">
            Jobs
          </Link>
        </div>
      ) : (
        <section className="panel panel__body">
          <DataTable
            caption="The model registry, newest first"
            columns={COLUMNS}
            rows={rows}
            exportName="models"
            testId="models-table"
          />
        </section>
      )}
    </div>
  );
}
