import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/charts/dashboard.module.css';
import { MetricCards } from '@/components/charts/metric-cards';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { driftReportsQuery } from '@/lib/drift/drift-queries';
import { evaluationQuery } from '@/lib/evaluation/evaluation-queries';
import { headlineMetrics } from '@/lib/evaluation/metric-info';
import { readReport } from '@/lib/evaluation/report-types';
import { formatDateTime, pluralize } from '@/lib/format';
import { jobsQuery } from '@/lib/jobs/job-queries';
import { championQuery, latestEvaluation } from '@/lib/models/model-queries';
import { rolesFor } from '../nav-items';
import { DriftAlertsPanel } from './drift-alerts-panel';
import { RunningJobsPanel } from './running-jobs-panel';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  await requireRole(rolesFor('/overview') ?? []);
  const [{ modelByAlias: champion }, { driftReports }, { jobs: activeJobs }] = await Promise.all([
    queryApi(championQuery, { alias: 'champion' }),
    queryApi(driftReportsQuery, { first: 1 }),
    queryApi(jobsQuery, { filter: { status: ['RUNNING', 'QUEUED'] }, first: 20 }),
  ]);
  const jobs = activeJobs.edges.map((edge) => edge.node);
  const latest = champion ? latestEvaluation(champion.evaluations) : null;
  const evaluation = latest ? (await queryApi(evaluationQuery, { id: latest.id })).evaluation : null;
  const report = evaluation ? readReport(evaluation.report) : null;
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <h1>Overview</h1>
          <p className="page-header__meta">
            Is the champion good, for whom is it worse, has the data drifted.
          </p>
        </div>
      </div>
      <section className="panel" aria-labelledby="champion-heading" data-testid="champion">
        <div className="panel__header">
          <h2 id="champion-heading">Champion model</h2>
          {champion ? (
            <Link href={`/models/${champion.id}`} className="button button--ghost">
              Model details
            </Link>
          ) : null}
        </div>
        <div className="panel__body">
          {!champion ? (
            <div className="empty-state" data-testid="no-champion">
              <p>No model holds the champion alias, so there is nothing in production to judge.</p>
              <Link className="button" href="/models">
                Promote a model
              </Link>
            </div>
          ) : (
            <div className={styles.stack}>
              <p>
                <strong data-testid="champion-name">{champion.name}</strong>{' '}
                <span className="muted">
                  · {pluralize(champion.classes?.length ?? 0, 'class', 'classes')} · registered{' '}
                  {formatDateTime(champion.createdAt)}
                </span>
              </p>
              {report && evaluation ? (
                <>
                  <p className="muted">
                    Latest evaluation: {evaluation.split.toLowerCase()} split, n ={' '}
                    {report.meta.n.toLocaleString('en-GB')}, {formatDateTime(evaluation.createdAt)}.
                    Intervals: 95% bootstrap ({report.meta.bootstrap.resamples} resamples).{' '}
                    <Link href={`/bias?evaluation=${evaluation.id}`}>For whom is it worse?</Link>
                  </p>
                  <MetricCards metrics={headlineMetrics(report)} />
                </>
              ) : (
                <p className="notice" data-testid="no-evaluation">
                  The champion has no evaluation yet: queue an EVALUATE job to see its metrics.
                </p>
              )}
            </div>
          )}
        </div>
      </section>
      <div className={styles.grid2}>
        <DriftAlertsPanel report={driftReports[0] ?? null} />
        <RunningJobsPanel jobs={jobs} />
      </div>
    </div>
  );
}
