import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/charts/dashboard.module.css';
import { IntervalPlot } from '@/components/charts/interval-plot';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { evaluationQuery } from '@/lib/evaluation/evaluation-queries';
import { groupingLabel, groupMetrics, groupRows, orderGroupings } from '@/lib/evaluation/group-rows';
import { metricRank } from '@/lib/evaluation/metric-info';
import { readReport } from '@/lib/evaluation/report-types';
import { formatDate } from '@/lib/format';
import { championQuery, latestEvaluation, modelsQuery } from '@/lib/models/model-queries';
import { rolesFor } from '../nav-items';
import { BiasPicker } from './bias-picker';
import { GroupBreakdown } from './group-breakdown';
import { IntersectionMaps } from './intersection-maps';

export const metadata: Metadata = { title: 'Bias' };

// The clinical question first: does the model miss melanomas more often in some groups?
const DEFAULT_METRICS = ['malignancy_sensitivity', 'balanced_accuracy', 'accuracy'];

export default async function BiasPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(rolesFor('/bias') ?? []);
  const query = await searchParams;
  const param = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const [{ models: page }, { modelByAlias: champion }] = await Promise.all([
    queryApi(modelsQuery, { first: 100 }),
    queryApi(championQuery, { alias: 'champion' }),
  ]);
  const models = page.edges.map((edge) => edge.node);
  const options = models.flatMap((m) =>
    m.evaluations.map((e) => ({
      id: e.id,
      label: `${m.name}${m.aliases.length ? ` (${m.aliases.map((a) => a.alias).join(', ')})` : ''} · ${e.split.toLowerCase()} · ${formatDate(e.createdAt)}`,
    })),
  );
  const evaluationId =
    param('evaluation') ??
    (champion ? latestEvaluation(champion.evaluations)?.id : undefined) ??
    options[0]?.id;
  const evaluation = evaluationId ? (await queryApi(evaluationQuery, { id: evaluationId })).evaluation : null;
  const report = evaluation ? readReport(evaluation.report) : null;
  if (!evaluation || !report) {
    return (
      <div className={styles.stack}>
        <h1>Bias</h1>
        <div className="panel empty-state" data-testid="empty-state">
          <h2>{evaluationId ? 'This evaluation cannot be found' : 'No evaluation yet'}</h2>
          <p className="muted">
            Subgroup metrics come from an evaluation report; queue an EVALUATE job for the champion.
          </p>
          <Link className="button" href="/models">
            Models
          </Link>
        </div>
      </div>
    );
  }
  const { single, intersections } = orderGroupings(Object.keys(report.groups));
  const family = (name: string) => (name.startsWith('malignancy_') ? 0 : 1);
  const metrics = groupMetrics(report).sort((a, b) => family(a) - family(b) || metricRank(a) - metricRank(b));
  const metric =
    [param('metric'), ...DEFAULT_METRICS].find((m) => m && metrics.includes(m)) ?? metrics[0] ?? 'accuracy';
  const grouping = [param('by'), 'skin_type'].find((g) => g && report.groups[g]) ?? single[0];
  const calibrationMetrics = ['ece', 'malignancy_ece'].filter((m) => metrics.includes(m));
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <h1>Bias</h1>
          <p className="page-header__meta" data-testid="bias-meta">
            n = {report.meta.n.toLocaleString('en-GB')} · {evaluation.split.toLowerCase()} split · 95%
            bootstrap intervals · minimum group size {report.meta.min_group_size}
          </p>
        </div>
      </div>
      <BiasPicker
        evaluations={
          options.some((o) => o.id === evaluation.id)
            ? options
            : [{ id: evaluation.id, label: evaluation.id }, ...options]
        }
        evaluationId={evaluation.id}
        metrics={metrics}
        metric={metric}
        groupings={[...single, ...intersections]}
        grouping={grouping ?? ''}
      />
      {!grouping ? (
        <div className="panel empty-state" data-testid="no-groups">
          <h2>This report has no subgroups</h2>
          <p className="muted">
            Evaluate with attributes (skin type, sex, age band, site, device) to see who the model fails.
          </p>
        </div>
      ) : (
        <>
          <nav className={styles.row} aria-label="Attributes">
            {single.map((g) => (
              <Link
                key={g}
                className={`button${g === grouping ? ' button--primary' : ''}`}
                href={`/bias?evaluation=${evaluation.id}&metric=${metric}&by=${g}`}
              >
                {groupingLabel(g)}
              </Link>
            ))}
          </nav>
          <section className="panel panel__body">
            <GroupBreakdown report={report} grouping={grouping} metric={metric} />
          </section>
          <section className="panel panel__body" aria-labelledby="intersections-heading">
            <h2 id="intersections-heading">Intersections</h2>
            <IntersectionMaps report={report} groupings={intersections} metric={metric} />
          </section>
          {calibrationMetrics.length > 0 ? (
            <section className="panel panel__body" aria-labelledby="calibration-heading">
              <h2 id="calibration-heading">Calibration by {groupingLabel(grouping).toLowerCase()}</h2>
              <div className={styles.grid2}>
                {calibrationMetrics.map((m) => (
                  <IntervalPlot
                    key={m}
                    title={
                      m === 'ece'
                        ? 'Top-label calibration error (ECE, lower is better)'
                        : 'Malignancy calibration error (ECE, lower is better)'
                    }
                    xLabel="Expected calibration error"
                    rows={groupRows(report, grouping, m).map((r) => ({
                      label: `${r.group} (n=${r.n})`,
                      value: r.estimate?.value ?? null,
                      low: r.estimate?.ci_low ?? null,
                      high: r.estimate?.ci_high ?? null,
                      muted: r.estimate === null,
                    }))}
                    reference={{ value: 0, label: 'Perfect calibration' }}
                    testId="calibration-by-group"
                  />
                ))}
              </div>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
