import { compareModels } from '@dermino/analytics';
import {
  AppError,
  type DbClient,
  findLatestEvaluation,
  findPairedPredictions,
  getDatasetVersionById,
  getModelVersionById,
  listConcepts,
  type ModelVersionRecord,
  type Split,
} from '@dermino/db';

export const MAX_RESAMPLES = 10_000;

const badInput = (message: string, argument: string) =>
  new AppError('BAD_INPUT', { message, details: { argument } });

async function loadModel(db: DbClient, id: string, argument: string): Promise<ModelVersionRecord> {
  try {
    return await getModelVersionById(db, { id });
  } catch (error) {
    throw new AppError('NOT_FOUND', {
      message: `No model version with id ${id.slice(0, 100)}.`,
      details: { argument },
      cause: error,
    });
  }
}

export interface CompareOptions {
  datasetVersionId: string;
  modelA: string;
  modelB: string;
  split: Split;
  resamples: number;
}

/** Both models' latest evaluations on one split, paired by image, through analytics' paired bootstrap. */
export async function compareStoredEvaluations(db: DbClient, options: CompareOptions) {
  const { split, resamples } = options;
  if (!Number.isInteger(resamples) || resamples < 0 || resamples > MAX_RESAMPLES)
    throw badInput(`Argument "resamples" must be from 0 to ${MAX_RESAMPLES}; got ${resamples}.`, 'resamples');
  if (options.modelA === options.modelB)
    throw badInput('modelA and modelB are the same model; compare two different models.', 'modelB');
  await getDatasetVersionById(db, { id: options.datasetVersionId }).catch((cause: unknown) => {
    throw new AppError('NOT_FOUND', {
      message: `No dataset version with id ${options.datasetVersionId.slice(0, 100)}.`,
      details: { argument: 'datasetVersionId' },
      cause,
    });
  });
  const modelA = await loadModel(db, options.modelA, 'modelA');
  const modelB = await loadModel(db, options.modelB, 'modelB');
  const classes = (modelA.classes as string[] | null) ?? [];
  if (JSON.stringify(classes) !== JSON.stringify(modelB.classes ?? []))
    throw badInput(
      `The models' classes differ (${modelA.name}: ${classes.join(', ') || 'none'}; ${modelB.name}: ${((modelB.classes as string[] | null) ?? []).join(', ') || 'none'}).`,
      'modelB',
    );
  const evaluations = [];
  for (const [model, argument] of [
    [modelA, 'modelA'],
    [modelB, 'modelB'],
  ] as const) {
    const found = await findLatestEvaluation(db, {
      modelVersionId: model.id,
      datasetVersionId: options.datasetVersionId,
      split,
    });
    if (!found)
      throw new AppError('NOT_FOUND', {
        message: `Model ${model.name} (${model.id}) has no evaluation on dataset version ${options.datasetVersionId}, split ${split}; run an EVALUATE job first.`,
        details: { argument },
      });
    evaluations.push(found);
  }
  const pairs = await findPairedPredictions(db, {
    evaluationIdA: evaluations[0].id,
    evaluationIdB: evaluations[1].id,
  });
  if (pairs.length === 0)
    throw badInput(`No labelled image of split ${split} was predicted by both models.`, 'split');
  const malignant = new Set(
    (await listConcepts(db)).filter((concept) => concept.malignant).map((concept) => concept.code),
  );
  const report = compareModels(
    {
      labels: Int32Array.from(pairs, (pair) => pair.label),
      numClasses: classes.length,
      probabilitiesA: Float64Array.from(pairs.flatMap((pair) => pair.probabilitiesA)),
      probabilitiesB: Float64Array.from(pairs.flatMap((pair) => pair.probabilitiesB)),
      malignantClasses: classes.flatMap((code, index) => (malignant.has(code) ? [index] : [])),
    },
    { resamples },
  );
  return { datasetVersionId: options.datasetVersionId, split, modelA, modelB, n: pairs.length, report };
}
