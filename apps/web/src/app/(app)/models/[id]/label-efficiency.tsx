import { LineChart } from '@/components/charts/line-chart';
import { queryApi } from '@/lib/api/query-api';
import { evaluationQuery } from '@/lib/evaluation/evaluation-queries';
import { formatMetric, metricInfo } from '@/lib/evaluation/metric-info';
import { isEstimate, readReport } from '@/lib/evaluation/report-types';
import { labelFractionOf, latestEvaluation, type ModelSummary } from '@/lib/models/model-queries';

/**
 * The classifiers fine-tuned from one backbone, by the fraction of labels they saw: how much do labels buy?
 * Each point is the newest evaluation of one classifier, with its 95% interval.
 */
export async function LabelEfficiency({
  backboneId,
  models,
}: {
  backboneId: string;
  models: readonly ModelSummary[];
}) {
  const siblings = models
    .filter((m) => m.kind === 'CLASSIFIER' && m.parent?.id === backboneId && labelFractionOf(m) !== null)
    .map((m) => ({
      model: m,
      fraction: labelFractionOf(m) as number,
      evaluation: latestEvaluation(m.evaluations),
    }))
    .filter((s) => s.evaluation !== null)
    .sort((a, b) => a.fraction - b.fraction);
  if (siblings.length < 2) {
    return (
      <p className="muted">
        Label efficiency needs at least two evaluated classifiers of this backbone with a labelFraction in
        their config.
      </p>
    );
  }
  // One static query per classifier (a handful), in parallel: typed documents cannot alias a variable number of fields.
  const evaluations = await Promise.all(
    siblings.map(
      async (s) => (await queryApi(evaluationQuery, { id: s.evaluation?.id as string })).evaluation,
    ),
  );
  const metric = 'malignancy_auroc';
  const estimates = siblings.map((_, i) => {
    const report = readReport(evaluations[i]?.report);
    const auroc = report?.malignancy?.auroc;
    const fallback = report?.overall.balanced_accuracy;
    return isEstimate(auroc)
      ? { name: metric, estimate: auroc }
      : isEstimate(fallback)
        ? { name: 'balanced_accuracy', estimate: fallback }
        : null;
  });
  const name = estimates.find((e) => e)?.name ?? metric;
  const categories = siblings.map((s) => `${Math.round(s.fraction * 1000) / 10}%`);
  const series = (pick: 'value' | 'ci_low' | 'ci_high') =>
    siblings.map((_, i) => ({ x: i, y: estimates[i]?.estimate[pick] ?? null }));
  return (
    <div data-testid="label-efficiency">
      <LineChart
        title={`Label efficiency: ${metricInfo(name).label} by share of labels used`}
        xLabel="Share of the training labels used"
        yLabel={metricInfo(name).label}
        xCategories={categories}
        maxWidth={640}
        series={[
          { name: 'Estimate', points: series('value'), markers: true },
          { name: '95% interval, lower end', points: series('ci_low'), dashed: true, colourIndex: 0 },
          { name: '95% interval, upper end', points: series('ci_high'), dashed: true, colourIndex: 0 },
        ]}
      />
      <p className="muted">
        {siblings
          .map(
            (s, i) => `${categories[i]}: ${s.model.name} ${formatMetric(name, estimates[i]?.estimate.value)}`,
          )
          .join(' · ')}
      </p>
    </div>
  );
}
