import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/charts/dashboard.module.css';
import { isApiError } from '@/lib/api/graphql-request';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { evaluationQuery } from '@/lib/evaluation/evaluation-queries';
import { readReport } from '@/lib/evaluation/report-types';
import { compareModelsQuery } from '@/lib/models/compare-query';
import {
  datasetsQuery,
  latestEvaluation,
  type ModelSummary,
  modelsQuery,
  type Split,
  versionNames,
} from '@/lib/models/model-queries';
import { rolesFor } from '../../nav-items';
import { EvaluationCharts } from '../[id]/evaluation-charts';
import { ComparePicker } from './compare-picker';
import { ComparisonResult } from './comparison-result';

export const metadata: Metadata = { title: 'Compare models' };

const SPLITS: Split[] = ['TEST', 'VAL', 'TRAIN'];

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(rolesFor('/models') ?? []);
  const query = await searchParams;
  const param = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const [{ models: page }, datasets] = await Promise.all([
    queryApi(modelsQuery, { first: 100 }),
    queryApi(datasetsQuery, {}).catch(() => ({ datasets: { edges: [] } })),
  ]);
  const models = page.edges.map((edge) => edge.node);
  const evaluated = models.filter((m) => m.kind === 'CLASSIFIER' && m.evaluations.length > 0);
  if (evaluated.length < 2) {
    return (
      <div className={styles.stack}>
        <h1>Compare models</h1>
        <div className="panel empty-state" data-testid="empty-state">
          <h2>Two evaluated classifiers are needed</h2>
          <Link className="button" href="/models">
            Models
          </Link>
        </div>
      </div>
    );
  }
  const a = evaluated.find((m) => m.id === param('a')) ?? (evaluated[0] as ModelSummary);
  const b =
    evaluated.find((m) => m.id === param('b') && m.id !== a.id) ??
    (evaluated.find((m) => m.id !== a.id) as ModelSummary);
  const split = SPLITS.find((s) => s === param('split')) ?? 'TEST';
  const names = versionNames(datasets.datasets.edges.map((edge) => edge.node));
  const versionIds = [...new Set(evaluated.flatMap((m) => m.evaluations.map((e) => e.datasetVersionId)))];
  // Default: a version both models were evaluated on, newest evaluation of A first.
  const shared = a.evaluations
    .map((e) => e.datasetVersionId)
    .find((v) => b.evaluations.some((e) => e.datasetVersionId === v));
  const version = param('version') ?? shared ?? versionIds[0] ?? '';
  const result = await queryApi(compareModelsQuery, {
    datasetVersionId: version,
    modelA: a.id,
    modelB: b.id,
    split,
  }).catch((error: unknown) => {
    if (isApiError(error, 'BAD_USER_INPUT') || isApiError(error, 'NOT_FOUND'))
      return { refused: error.message };
    throw error;
  });
  const reportOf = async (model: ModelSummary) => {
    const latest = latestEvaluation(
      model.evaluations.filter((e) => e.datasetVersionId === version && e.split === split),
    );
    return latest
      ? readReport((await queryApi(evaluationQuery, { id: latest.id })).evaluation?.report)
      : null;
  };
  const [reportA, reportB] = await Promise.all([reportOf(a), reportOf(b)]);
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <p className="muted">
            <Link href="/models">Models</Link> /
          </p>
          <h1>Compare models</h1>
          <p className="page-header__meta">
            Paired bootstrap on the images both models predicted: the same resample for both, so shared errors
            cancel.
          </p>
        </div>
      </div>
      <ComparePicker
        models={evaluated}
        versions={versionIds.map((id) => ({ id, label: names.get(id) ?? id }))}
        a={a.id}
        b={b.id}
        version={version}
        split={split}
      />
      {'refused' in result ? (
        <div className="panel empty-state" data-testid="comparison-refused">
          <h2>These two cannot be compared</h2>
          <p className="muted">{result.refused}</p>
        </div>
      ) : (
        <section className="panel panel__body">
          <ComparisonResult comparison={result.compareModels} />
        </section>
      )}
      {[
        { model: a, report: reportA, letter: 'A' },
        { model: b, report: reportB, letter: 'B' },
      ].map(({ model, report, letter }) =>
        report ? (
          <section key={model.id} className="panel panel__body" aria-label={`Model ${letter} curves`}>
            <h2>
              {letter}: {model.name}{' '}
              <span className="muted">(its latest evaluation on this version, n = {report.meta.n})</span>
            </h2>
            <EvaluationCharts report={report} />
          </section>
        ) : null,
      )}
    </div>
  );
}
