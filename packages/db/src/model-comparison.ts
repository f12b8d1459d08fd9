import type { DbClient, Split } from './client.js';
import { type EvaluationRecord, evaluationSelect } from './evaluations.js';

/** The newest evaluation of a model on a dataset version's split, null if it was never evaluated there. */
export async function findLatestEvaluation(
  db: DbClient,
  options: { modelVersionId: string; datasetVersionId: string; split: Split },
): Promise<EvaluationRecord | null> {
  return db.evaluation.findFirst({
    where: {
      modelVersionId: options.modelVersionId,
      datasetVersionId: options.datasetVersionId,
      split: options.split,
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: evaluationSelect,
  });
}

export interface PairedPredictionRecord {
  imageId: string;
  probabilitiesA: number[];
  probabilitiesB: number[];
  /** The frozen label's class index (equal in both evaluations when the models share their classes). */
  label: number;
}

/**
 * Predictions of two evaluations on the images both scored and both labelled the same, by image id.
 * One join, so a 10,000-image split binds two parameters, not 10,000.
 */
export async function findPairedPredictions(
  db: DbClient,
  options: { evaluationIdA: string; evaluationIdB: string },
): Promise<PairedPredictionRecord[]> {
  return db.$queryRaw<PairedPredictionRecord[]>`
    SELECT a."imageId", a.probabilities AS "probabilitiesA", b.probabilities AS "probabilitiesB", a.label
    FROM "Prediction" a
    JOIN "Prediction" b ON b."imageId" = a."imageId" AND b."evaluationId" = ${options.evaluationIdB}
    WHERE a."evaluationId" = ${options.evaluationIdA} AND a.label IS NOT NULL AND a.label = b.label
    ORDER BY a."imageId"`;
}
