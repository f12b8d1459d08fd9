import Link from 'next/link';
import styles from '@/components/charts/dashboard.module.css';
import { IntervalPlot } from '@/components/charts/interval-plot';
import { groupingLabel, groupRows } from '@/lib/evaluation/group-rows';
import { type BiasParams, resolveBiasView } from './bias-view';
import { GroupBreakdown } from './group-breakdown';
import { IntersectionMaps } from './intersection-maps';
import type { BiasEvaluation } from './load-bias-evaluation';

// Each section awaits the same report promise inside its own Suspense boundary (see page.tsx): the header and the
// skeletons stream first, each section replaces its skeleton as soon as React has rendered it.

interface SectionProps {
  data: Promise<BiasEvaluation>;
  params: BiasParams;
}

export async function BreakdownSection({ data, params }: SectionProps) {
  const { evaluation, report } = await data;
  if (!evaluation || !report) return null;
  const { single, grouping, metric } = resolveBiasView(report, params);
  if (!grouping) {
    return (
      <div className="panel empty-state" data-testid="no-groups">
        <h2>This report has no subgroups</h2>
        <p className="muted">
          Evaluate with attributes (skin type, sex, age band, site, device) to see who the model fails.
        </p>
      </div>
    );
  }
  return (
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
    </>
  );
}

export async function IntersectionsSection({ data, params }: SectionProps) {
  const { report } = await data;
  if (!report) return null;
  const { grouping, intersections, metric } = resolveBiasView(report, params);
  if (!grouping) return null;
  return (
    <section className="panel panel__body" aria-labelledby="intersections-heading">
      <h2 id="intersections-heading">Intersections</h2>
      <IntersectionMaps report={report} groupings={intersections} metric={metric} />
    </section>
  );
}

export async function CalibrationSection({ data, params }: SectionProps) {
  const { report } = await data;
  if (!report) return null;
  const { grouping, calibrationMetrics } = resolveBiasView(report, params);
  if (!grouping || calibrationMetrics.length === 0) return null;
  return (
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
  );
}
