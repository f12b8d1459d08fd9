import {
  type Db,
  findLabelEfficiencyRows,
  findModelVersionByAlias,
  getModelVersionById,
  type LabelEfficiencyRow,
  type ModelVersionRecord,
} from '@dermino/db';
import { readBaseline } from '../schema/quality/read-baseline.js';

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const configOf = (model: ModelVersionRecord) =>
  (model.config ?? {}) as { method?: unknown; labelFraction?: unknown; trainImages?: unknown };
const methodOf = (model: ModelVersionRecord) => {
  const method = configOf(model).method;
  return typeof method === 'string' ? method : 'linear';
};

/** The evaluation report's overall balanced accuracy (apps/trainer's EVALUATE), null when absent. */
function balancedAccuracyOf(report: unknown) {
  const estimate = (report as { overall?: { balanced_accuracy?: Record<string, unknown> } } | null)?.overall
    ?.balanced_accuracy;
  const value = num(estimate?.value);
  return value === null ? null : { value, ciLow: num(estimate?.ci_low), ciHigh: num(estimate?.ci_high) };
}

/**
 * Labels a classifier learnt from: what its evaluation's pixel baseline counted (trained on the same labelled
 * split), else what the fine-tune recorded, else its labelFraction of the version's labelled train images.
 */
function labelsOf(row: LabelEfficiencyRow): number {
  const fromBaseline = num(readBaseline(row.evaluation.baseline)?.trainImages);
  if (fromBaseline !== null) return fromBaseline;
  const config = configOf(row.model);
  const recorded = num(config.trainImages);
  if (recorded !== null) return recorded;
  return Math.round(row.labelledTrainImages * (num(config.labelFraction) ?? 1));
}

/** The champion's backbone and method, and every evaluated classifier of both: balanced accuracy against labels. */
export async function labelEfficiencyOfChampion(db: Db) {
  const champion = await findModelVersionByAlias(db, { alias: 'champion' });
  if (!champion?.parentId) return null;
  const method = methodOf(champion);
  const rows = await findLabelEfficiencyRows(db, { backboneId: champion.parentId });
  const points = rows.flatMap((row) => {
    const balancedAccuracy = balancedAccuracyOf(row.evaluation.report);
    if (methodOf(row.model) !== method || !balancedAccuracy) return [];
    const baseline = readBaseline(row.evaluation.baseline);
    return [
      {
        model: row.model,
        labels: labelsOf(row),
        balancedAccuracy,
        pixelBaseline: baseline?.balancedAccuracy.value != null ? baseline.balancedAccuracy : null,
        evaluatedAt: row.evaluation.createdAt,
        champion: row.model.id === champion.id,
      },
    ];
  });
  points.sort((a, b) => a.labels - b.labels || a.evaluatedAt.getTime() - b.evaluatedAt.getTime());
  return { backbone: await getModelVersionById(db, { id: champion.parentId }), method, points };
}
