import {
  type Db,
  findEvaluations,
  findModelVersionByAlias,
  getModelVersionById,
  type ModelVersionRecord,
  promoteModelVersion,
} from '@dermino/db';
import { decidePromotion, type PromoteIfBetter, type PromotionDecision } from './promote-if-better.js';

const reasonOf = (model: ModelVersionRecord) =>
  (model.statusReason ?? 'no reason recorded').replace(/\.$/, '');

/**
 * Why a model may never be promoted, or null when it may: it failed its checks, or its backbone did (a classifier
 * on a collapsed backbone is never promoted, though the classifier itself passed).
 */
export async function promotionFailure(db: Db, model: ModelVersionRecord): Promise<string | null> {
  if (model.status === 'FAILED') return `model ${model.id} failed its checks: ${reasonOf(model)}`;
  const parent = model.parentId ? await getModelVersionById(db, { id: model.parentId }) : null;
  return parent?.status === 'FAILED'
    ? `the backbone of model ${model.id} (model ${parent.id}) failed its checks: ${reasonOf(parent)}`
    : null;
}

/**
 * Reads the alias's holder and its evaluations on the same dataset version, decides, and moves the alias when the
 * evaluated model is better. Both models stay in the registry either way.
 */
export async function promoteIfBetter(
  db: Db,
  options: PromoteIfBetter & {
    model: ModelVersionRecord;
    report: unknown;
    datasetVersionId: string;
    split: string;
    jobId: string;
  },
): Promise<PromotionDecision> {
  const { alias, metric, model, datasetVersionId, split } = options;
  const holder = await findModelVersionByAlias(db, { alias });
  const failure = await promotionFailure(db, model);
  const evaluations = holder
    ? await findEvaluations(db, { modelVersionId: holder.id, datasetVersionId })
    : [];
  const decision = decidePromotion({
    alias,
    metric,
    datasetVersionId,
    split,
    candidate: { modelVersionId: model.id, failure, report: options.report },
    holder: holder ? { modelVersionId: holder.id, evaluations } : null,
  });
  if (decision.promote)
    await promoteModelVersion(db, { id: model.id, alias, updatedBy: `job:${options.jobId}` });
  return decision;
}
