import Link from 'next/link';
import { Suspense } from 'react';
import styles from '@/components/charts/dashboard.module.css';
import { MetricCards } from '@/components/charts/metric-cards';
import { PixelBaselineNote } from '@/components/pixel-baseline-note';
import type { EvaluationDetail } from '@/lib/evaluation/evaluation-queries';
import { headlineMetrics } from '@/lib/evaluation/metric-info';
import type { EvaluationReport } from '@/lib/evaluation/report-types';
import { formatDateTime, pluralize } from '@/lib/format';

export interface ChampionData {
  id: string;
  name: string;
  classes: readonly string[] | null;
  createdAt: string;
}

export interface LatestEvaluation {
  evaluation: EvaluationDetail;
  report: EvaluationReport;
}

/** The champion's name as soon as the alias is resolved; its metrics when its (larger) report has arrived. */
export async function ChampionPanel({
  champion: championPromise,
  latest,
}: {
  champion: Promise<ChampionData | null>;
  latest: Promise<LatestEvaluation | null>;
}) {
  const champion = await championPromise;
  return (
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
            <Suspense fallback={<div className="skeleton" aria-busy="true" style={{ height: 120 }} />}>
              <LatestEvaluationSummary latest={latest} />
            </Suspense>
          </div>
        )}
      </div>
    </section>
  );
}

async function LatestEvaluationSummary({
  latest: latestPromise,
}: {
  latest: Promise<LatestEvaluation | null>;
}) {
  const latest = await latestPromise;
  if (!latest) {
    return (
      <p className="notice" data-testid="no-evaluation">
        The champion has no evaluation yet: queue an EVALUATE job to see its metrics.
      </p>
    );
  }
  const { evaluation, report } = latest;
  return (
    <>
      <p className="muted">
        Latest evaluation: {evaluation.split.toLowerCase()} split, n = {report.meta.n.toLocaleString('en-GB')}
        , {formatDateTime(evaluation.createdAt)}. Intervals: 95% bootstrap ({report.meta.bootstrap.resamples}{' '}
        resamples). <Link href={`/bias?evaluation=${evaluation.id}`}>For whom is it worse?</Link>
      </p>
      <MetricCards metrics={headlineMetrics(report)} />
      <PixelBaselineNote baseline={evaluation.baseline} />
    </>
  );
}
