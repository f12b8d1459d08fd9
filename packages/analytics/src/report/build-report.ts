import { groupingKey, isMissingGroup, splitIntoGroups } from '../fairness/groups.js';
import { expectedCalibrationError } from '../metrics/calibration.js';
import { classColumn, oneVsRestLabels } from '../metrics/multiclass-auroc.js';
import { precisionRecallCurve, rocCurve } from '../metrics/ranking.js';
import { buildCaseTable } from './case-table.js';
import { roundCurve, thinCurve } from './curves.js';
import {
  type EvaluationInput,
  type EvaluationOptions,
  resolveEvaluationOptions,
  validateEvaluationInput,
} from './evaluation-input.js';
import { fairnessForGroups, gapForSlot, type NamedView } from './gaps.js';
import { createMetricLayout } from './metric-layout.js';
import type { EvaluationReport, GroupReport, MetricEstimate } from './report-types.js';
import { runBootstrap } from './run-bootstrap.js';
import { createSectionBuilders } from './sections.js';
import { createSubView, createView, type View } from './view.js';

const LOWER_IS_BETTER = new Set(['brier', 'ece', 'malignancy_brier', 'malignancy_ece']);
const GAP_MALIGNANCY_METRICS = [
  'auroc',
  'sensitivity',
  'specificity',
  'sensitivity_at_specificity',
  'ece',
] as const;

/**
 * The package's central report: overall metrics with bootstrap intervals, per class, the malignancy
 * view, calibration, curves, and every metric by subgroup with gaps and fairness checks.
 */
export function buildEvaluationReport(
  input: EvaluationInput,
  options: EvaluationOptions = {},
): EvaluationReport {
  validateEvaluationInput(input);
  const opts = resolveEvaluationOptions(options);
  const { probabilities, numClasses: k, labels } = input;
  const n = labels.length;
  const classNames = input.classNames ?? Array.from({ length: k }, (_, c) => String(c));
  const malignant = input.malignantClasses?.length ? input.malignantClasses : null;
  const topK = [...opts.topK].filter((t) => t < k).sort((a, b) => a - b);
  const cases = buildCaseTable(
    probabilities,
    k,
    labels,
    opts.eceBins,
    malignant,
    opts.malignancyThreshold,
    topK,
  );
  const layout = createMetricLayout(k, topK, malignant !== null);
  const size = layout.size;

  const everyone = Int32Array.from({ length: n }, (_, i) => i);
  const views: View[] = [createView(cases, everyone)];
  const groupings = (input.groupBy ?? []).map((spec) => {
    const groups = splitIntoGroups(input.attributes ?? {}, spec, n).map((group) => {
      const eligible = group.indices.length >= opts.minGroupSize;
      const viewIndex = eligible ? views.push(createSubView(cases, views[0], group.indices)) - 1 : -1;
      return { ...group, viewIndex };
    });
    return { key: groupingKey(spec), groups };
  });
  const samples = runBootstrap(cases, layout, views, opts.resamples, opts.seed, opts.specificityTarget);
  const { estimate, perClassOf, malignantCount, malignancyOf } = createSectionBuilders({
    cases,
    layout,
    classNames,
    resamples: opts.resamples,
    confidence: opts.confidence,
    minClassCases: opts.minClassCases,
  });

  const overallView = samples[0];
  const overall: Record<string, MetricEstimate> = {};
  for (const [name, slot] of Object.entries(layout.overall)) overall[name] = estimate(overallView, slot);
  const malignancyOverall = malignancyOf(overallView, everyone);

  const groups: EvaluationReport['groups'] = {};
  const gaps: EvaluationReport['gaps'] = {};
  for (const grouping of groupings) {
    const groupReports: Record<string, GroupReport> = {};
    const eligible: NamedView[] = [];
    // Malignancy gaps and fairness compare only groups whose malignancy numbers are shown.
    const eligibleMalignancy: NamedView[] = [];
    for (const group of grouping.groups) {
      const report: GroupReport = { n: group.indices.length };
      if (cases.malignancy) report.n_positive = malignantCount(group.indices);
      if (group.viewIndex < 0) {
        report.insufficient = `n = ${group.indices.length} is below the minimum group size of ${opts.minGroupSize}; no metrics shown`;
      } else {
        const view = samples[group.viewIndex];
        // People with no recorded value are shown, but are not a group to compare with the others.
        if (!isMissingGroup(group.value)) {
          eligible.push({ name: group.value, view });
          const malignantCases = report.n_positive ?? 0;
          const benignCases = group.indices.length - malignantCases;
          if (malignantCases >= opts.minClassCases && benignCases >= opts.minClassCases) {
            eligibleMalignancy.push({ name: group.value, view });
          }
        }
        for (const [name, slot] of Object.entries(layout.overall)) {
          const est = estimate(view, slot);
          const overallValue = overall[name].value;
          report[name] = {
            ...est,
            difference_to_overall:
              est.value !== null && overallValue !== null ? est.value - overallValue : null,
          };
        }
        for (const [name, est] of Object.entries(malignancyOf(view, group.indices))) {
          const overallValue = (malignancyOverall[name] as MetricEstimate).value;
          report[`malignancy_${name}`] = {
            ...est,
            difference_to_overall:
              est.value !== null && overallValue !== null ? est.value - overallValue : null,
          };
        }
        report.per_class = perClassOf(view, group.indices) as unknown as Record<string, unknown>;
      }
      groupReports[group.value] = report;
    }
    groups[grouping.key] = groupReports;
    const gapReport: EvaluationReport['gaps'][string] = {};
    for (const [name, slot] of Object.entries(layout.overall)) {
      gapReport[name] = gapForSlot(
        eligible,
        slot,
        size,
        opts.resamples,
        opts.confidence,
        LOWER_IS_BETTER.has(name),
      );
    }
    if (layout.malignancy) {
      for (const m of GAP_MALIGNANCY_METRICS) {
        gapReport[`malignancy_${m}`] = gapForSlot(
          eligibleMalignancy,
          layout.malignancy[m],
          size,
          opts.resamples,
          opts.confidence,
          LOWER_IS_BETTER.has(`malignancy_${m}`),
        );
      }
      Object.assign(
        gapReport,
        fairnessForGroups(eligibleMalignancy, eligible, layout, opts.resamples, opts.confidence),
      );
    }
    gaps[grouping.key] = gapReport;
  }

  const topLabel = expectedCalibrationError(
    cases.confidence,
    Uint8Array.from(cases.predicted, (p, i) => (p === labels[i] ? 1 : 0)),
    opts.eceBins,
  );
  const mal = cases.malignancy;
  const thin = <T extends object>(points: T[]) => roundCurve(thinCurve(points, opts.maxCurvePoints));
  const confusion: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < n; i++) confusion[labels[i]][cases.predicted[i]]++;

  return {
    meta: {
      n,
      num_classes: k,
      class_names: classNames,
      malignant_classes: malignant ? malignant.map((c) => classNames[c]) : null,
      malignancy_threshold: malignant ? opts.malignancyThreshold : null,
      bootstrap: {
        resamples: opts.resamples,
        seed: opts.seed,
        confidence: opts.confidence,
        stratified_by: 'class',
      },
      ece_bins: opts.eceBins,
      min_group_size: opts.minGroupSize,
      min_class_cases: opts.minClassCases,
      specificity_target: opts.specificityTarget,
    },
    overall,
    per_class: perClassOf(overallView, everyone),
    confusion_matrix: { labels: classNames, matrix: confusion },
    malignancy: mal ? { n_positive: malignantCount(everyone), ...malignancyOverall } : null,
    calibration: {
      top_label: topLabel,
      malignancy: mal ? expectedCalibrationError(mal.scores, mal.labels, opts.eceBins) : null,
    },
    curves: {
      malignancy: mal
        ? (() => {
            // Reuse the order sorted for the bootstrap rather than sorting again.
            const ranked = { ...mal, order: views[0].malignancyRanking?.order };
            return { roc: thin(rocCurve(ranked)), pr: thin(precisionRecallCurve(ranked)) };
          })()
        : null,
      per_class: Object.fromEntries(
        classNames.map((name, c) => {
          const oneVsRest = {
            scores: classColumn(probabilities, k, c),
            labels: oneVsRestLabels(labels, c),
            order: views[0].classRankings[c].order,
          };
          return [name, { roc: thin(rocCurve(oneVsRest)), pr: thin(precisionRecallCurve(oneVsRest)) }];
        }),
      ),
    },
    groups,
    gaps,
  };
}
