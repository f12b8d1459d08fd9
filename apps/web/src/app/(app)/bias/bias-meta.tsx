import Link from 'next/link';
import { PixelBaselineNote } from '@/components/pixel-baseline-note';
import type { BiasEvaluation } from './load-bias-evaluation';

/** The header line under "Bias": what the numbers are of. Nothing when there is no report (the panel says why). */
export async function BiasMeta({ data }: { data: Promise<BiasEvaluation> }) {
  const { evaluation, report } = await data;
  if (!evaluation || !report) return null;
  return (
    <>
      <p className="page-header__meta" data-testid="bias-meta">
        n = {report.meta.n.toLocaleString('en-GB')} · {evaluation.split.toLowerCase()} split · 95% bootstrap
        intervals · minimum group size {report.meta.min_group_size}
      </p>
      <PixelBaselineNote baseline={evaluation.baseline} />
    </>
  );
}

export function BiasEmptyState({ evaluationId }: { evaluationId: string | undefined }) {
  return (
    <div className="panel empty-state" data-testid="empty-state">
      <h2>{evaluationId ? 'This evaluation cannot be found' : 'No evaluation yet'}</h2>
      <p className="muted">
        Subgroup metrics come from an evaluation report; queue an EVALUATE job for the champion.
      </p>
      <Link className="button" href="/models">
        Models
      </Link>
    </div>
  );
}
