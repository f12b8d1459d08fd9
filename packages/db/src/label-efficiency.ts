import type { DbClient } from './client.js';
import { type ModelVersionRecord, modelVersionSelect } from './models.js';

export interface LabelEfficiencyRow {
  model: ModelVersionRecord;
  /** The classifier's newest evaluation on a TEST split. */
  evaluation: { id: string; datasetVersionId: string; createdAt: Date; report: unknown; baseline: unknown };
  /** Labelled TRAIN images of the dataset version the classifier was trained on (before its labelFraction). */
  labelledTrainImages: number;
}

/**
 * The classifiers trained on one backbone, each with its newest TEST evaluation and the labelled training images
 * of its dataset version: the points of a label-efficiency curve (balanced accuracy against labels). Classifiers
 * never evaluated on a test split are left out.
 */
export async function findLabelEfficiencyRows(
  db: DbClient,
  options: { backboneId: string },
): Promise<LabelEfficiencyRow[]> {
  const models = await db.modelVersion.findMany({
    where: { parentId: options.backboneId, kind: 'CLASSIFIER' },
    select: {
      ...modelVersionSelect,
      evaluations: {
        where: { split: 'TEST' },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { id: true, datasetVersionId: true, createdAt: true, report: true, baseline: true },
      },
    },
    orderBy: { createdAt: 'asc' },
  });
  const versionIds = [...new Set(models.flatMap((m) => (m.datasetVersionId ? [m.datasetVersionId] : [])))];
  const counts = versionIds.length
    ? await db.datasetVersionItem.groupBy({
        by: ['datasetVersionId'],
        where: { datasetVersionId: { in: versionIds }, split: 'TRAIN', conceptId: { not: null } },
        _count: { _all: true },
      })
    : [];
  const labelled = new Map(counts.map((c) => [c.datasetVersionId, c._count._all]));
  return models.flatMap(({ evaluations, ...model }) =>
    evaluations[0]
      ? [
          {
            model,
            evaluation: evaluations[0],
            labelledTrainImages: model.datasetVersionId ? (labelled.get(model.datasetVersionId) ?? 0) : 0,
          },
        ]
      : [],
  );
}
