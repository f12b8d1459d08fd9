import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/charts/dashboard.module.css';
import { MetricCards } from '@/components/charts/metric-cards';
import { PixelBaselineNote } from '@/components/pixel-baseline-note';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { evaluationQuery } from '@/lib/evaluation/evaluation-queries';
import { allMetrics } from '@/lib/evaluation/metric-info';
import { readReport } from '@/lib/evaluation/report-types';
import { formatDateTime, formatEnum } from '@/lib/format';
import { isNonCommercial } from '@/lib/models/licence';
import { latestEvaluation, modelQuery, modelsQuery } from '@/lib/models/model-queries';
import { rolesFor } from '../../nav-items';
import { PromoteForm } from '../promote-form';
import { EvaluationCharts } from './evaluation-charts';
import { LabelEfficiency } from './label-efficiency';

export const metadata: Metadata = { title: 'Model' };

export default async function ModelPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(rolesFor('/models') ?? []);
  const { id } = await params;
  const query = await searchParams;
  const [{ model }, { models: page }] = await Promise.all([
    queryApi(modelQuery, { id }),
    queryApi(modelsQuery, { first: 100 }),
  ]);
  const models = page.edges.map((edge) => edge.node);
  if (!model) notFound();
  const chosenId =
    typeof query.evaluation === 'string' ? query.evaluation : latestEvaluation(model.evaluations)?.id;
  const evaluation = chosenId ? (await queryApi(evaluationQuery, { id: chosenId })).evaluation : null;
  const report = evaluation ? readReport(evaluation.report) : null;
  const backboneId = model.kind === 'BACKBONE' ? model.id : model.parent?.id;
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <p className="muted">
            <Link href="/models">Models</Link> /
          </p>
          <h1 data-testid="model-name">{model.name}</h1>
          <p className="page-header__meta">
            {formatEnum(model.kind)} · registered {formatDateTime(model.createdAt)}
            {model.aliases.map((a) => (
              <span key={a.alias} className="badge badge--accent" style={{ marginLeft: 8 }}>
                {a.alias}
              </span>
            ))}
          </p>
        </div>
        {model.kind === 'CLASSIFIER' && model.status !== 'FAILED' ? (
          <PromoteForm modelId={model.id} modelName={model.name} />
        ) : null}
      </div>
      {model.status === 'FAILED' ? (
        <p className="notice notice--alert" data-testid="model-failed">
          <strong>Failed: this model can never be promoted.</strong> {model.statusReason}
        </p>
      ) : null}
      <section className="panel panel__body">
        <dl className="facts">
          <dt>Classes</dt>
          <dd>{model.classes?.join(', ') ?? '—'}</dd>
          <dt>Fine-tuned from</dt>
          <dd>{model.parent ? <Link href={`/models/${model.parent.id}`}>{model.parent.name}</Link> : '—'}</dd>
          <dt>Licence of the weights</dt>
          <dd data-testid="model-licence">
            {model.licence ?? '— (trained here)'}
            {isNonCommercial(model.licence) ? (
              <span className="muted">
                {' '}
                · non-commercial use only: not for a clinical or commercial service
              </span>
            ) : null}
          </dd>
          {model.importedFrom ? (
            <>
              <dt>Imported from</dt>
              <dd data-testid="imported-from">
                {model.importedFrom.fileName} ({model.importedFrom.format}
                {model.importedFrom.taken ? `, ${model.importedFrom.taken}` : ''}) ·{' '}
                {model.importedFrom.architecture} ·{' '}
                <span className="mono">sha256 {model.importedFrom.sha256.slice(0, 12)}…</span>
              </dd>
            </>
          ) : null}
          <dt>Dataset version</dt>
          <dd className="mono">{model.datasetVersionId ?? '—'}</dd>
          <dt>Config</dt>
          <dd className="mono" style={{ wordBreak: 'break-all' }}>
            {JSON.stringify(model.config)}
          </dd>
          <dt>Artifacts</dt>
          <dd>
            {model.artifacts
              .map((a) => `${a.kind} (${(a.bytes / 1e6).toFixed(1)} MB, sha256 ${a.sha256.slice(0, 12)}…)`)
              .join('; ') || '—'}
          </dd>
          <dt>Evaluations</dt>
          <dd>
            {model.evaluations.length === 0
              ? 'none'
              : model.evaluations.map((e) => (
                  <Link
                    key={e.id}
                    href={`/models/${model.id}?evaluation=${e.id}`}
                    style={{ marginRight: 12 }}
                    aria-current={e.id === evaluation?.id ? 'true' : undefined}
                  >
                    {e.split.toLowerCase()} · {formatDateTime(e.createdAt)}
                  </Link>
                ))}
          </dd>
        </dl>
      </section>
      {!evaluation || !report ? (
        <div className="panel empty-state" data-testid="no-evaluation">
          <h2>No evaluation report</h2>
          <p className="muted">
            {model.kind === 'BACKBONE'
              ? 'Backbones are evaluated through their classifiers.'
              : 'Queue an EVALUATE job for this model.'}
          </p>
        </div>
      ) : (
        <>
          <section className="panel panel__body" aria-labelledby="metrics-heading">
            <h2 id="metrics-heading">
              Metrics with 95% intervals{' '}
              <span className="muted">
                (n = {report.meta.n.toLocaleString('en-GB')}, {evaluation.split.toLowerCase()} split)
              </span>
            </h2>
            <MetricCards metrics={allMetrics(report)} />
            <PixelBaselineNote baseline={evaluation.baseline} />
            <p style={{ marginTop: 12 }}>
              <Link href={`/bias?evaluation=${evaluation.id}`}>
                Break down by skin type, sex, age, site, device →
              </Link>
            </p>
          </section>
          <section className="panel panel__body">
            <EvaluationCharts report={report} />
          </section>
        </>
      )}
      {backboneId ? (
        <section className="panel panel__body" aria-labelledby="efficiency-heading">
          <h2 id="efficiency-heading">Label efficiency of this backbone</h2>
          <LabelEfficiency backboneId={backboneId} models={models} />
        </section>
      ) : null}
    </div>
  );
}
