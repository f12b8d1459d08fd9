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
    .sort((a, b) => a.fraction - b.fraction || methodOf(a.model).localeCompare(methodOf(b.model)));
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
  const label = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;
  const methods = [...new Set(siblings.map((s) => methodOf(s.model)))];
  // One line per method (linear probe, kNN, fine-tuning) when the sweep trained several; else the estimate with its interval.
  const fractions = [...new Set(siblings.map((s) => s.fraction))];
  const categories = methods.length > 1 ? fractions.map(label) : siblings.map((s) => label(s.fraction));
  const series = (pick: 'value' | 'ci_low' | 'ci_high') =>
    siblings.map((_, i) => ({ x: i, y: estimates[i]?.estimate[pick] ?? null }));
  const byMethod = methods.map((method) => ({
    name: method,
    markers: true,
    points: fractions.map((fraction, x) => {
      const i = siblings.findIndex((s) => s.fraction === fraction && methodOf(s.model) === method);
      return { x, y: i < 0 ? null : (estimates[i]?.estimate.value ?? null) };
    }),
  }));
  return (
    <div data-testid="label-efficiency">
      <LineChart
        title={`Label efficiency: ${metricInfo(name).label} by share of labels used`}
        xLabel="Share of the training labels used"
        yLabel={metricInfo(name).label}
        xCategories={categories}
        maxWidth={640}
        series={
          methods.length > 1
            ? byMethod
            : [
                { name: 'Estimate', points: series('value'), markers: true },
                { name: '95% interval, lower end', points: series('ci_low'), dashed: true, colourIndex: 0 },
                { name: '95% interval, upper end', points: series('ci_high'), dashed: true, colourIndex: 0 },
              ]
        }
      />
      <p className="muted">
        {siblings
          .map((s, i) => {
            const estimate = estimates[i]?.estimate;
            const interval =
              estimate && estimate.ci_low !== null && estimate.ci_high !== null
                ? ` [${formatMetric(name, estimate.ci_low)}, ${formatMetric(name, estimate.ci_high)}]`
                : '';
            return `${label(s.fraction)}${methods.length > 1 ? ` ${methodOf(s.model)}` : ''}: ${s.model.name} ${formatMetric(name, estimate?.value)}${interval}`;
          })
          .join(' · ')}
      </p>
    </div>
  );
}

/** The fine-tuning method a classifier's config records (linear, knn, finetune). */
function methodOf(model: { config: unknown }): string {
  const method =
    typeof model.config === 'object' && model.config !== null
      ? (model.config as { method?: unknown }).method
      : null;
  return typeof method === 'string' ? method : 'classifier';
}
