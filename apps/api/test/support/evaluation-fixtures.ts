import {
  createDatasetVersion,
  createJob,
  type Db,
  registerModelVersion,
  type Split,
  saveEvaluation,
} from '@dermino/db';
import { createTestCase, uniqueName } from '@dermino/db/testing';

/** A frozen version of `count` new images, all in one split, labelled by `labelOf(i)` (a concept code). */
export async function createLabelledVersion(
  db: Db,
  options: { count: number; split: Split; labelOf: (index: number) => string },
) {
  const source = uniqueName('compare');
  const concepts = new Map(
    (await db.diagnosisConcept.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]),
  );
  const items = [];
  for (let i = 0; i < options.count; i += 1) {
    const created = await createTestCase(db, { source });
    items.push({
      imageId: created.images[0].id,
      conceptId: concepts.get(options.labelOf(i)) ?? null,
      split: options.split,
    });
  }
  const version = await createDatasetVersion(db, {
    datasetName: uniqueName('dataset'),
    filter: { source: [source] },
    splitConfig: {},
    items,
  });
  return { versionId: version.id, items };
}

/** A classifier with a stored evaluation on a version's split (predictions given per image). */
export async function createEvaluatedModel(
  db: Db,
  options: {
    classes: string[];
    datasetVersionId: string;
    split: Split;
    predictions: { imageId: string; probabilities: number[]; label: number }[];
    modelId?: string;
  },
) {
  const modelId =
    options.modelId ??
    (
      await registerModelVersion(db, {
        name: uniqueName('classifier'),
        kind: 'CLASSIFIER',
        config: {},
        classes: options.classes,
        jobId: (await createJob(db, { kind: 'FINETUNE', payload: {} })).id,
        artifacts: [],
      })
    ).id;
  const job = await createJob(db, { kind: 'EVALUATE', payload: {} });
  const evaluation = await saveEvaluation(db, {
    modelVersionId: modelId,
    datasetVersionId: options.datasetVersionId,
    split: options.split,
    jobId: job.id,
    report: {},
    predictions: options.predictions.map((p) => ({
      ...p,
      predicted: p.probabilities.indexOf(Math.max(...p.probabilities)),
    })),
  });
  return { modelId, evaluationId: evaluation.id };
}

/** Seeded pseudo-random probabilities over k classes leaning toward `label` by `skill` (0..1). */
export function fakeProbabilities(seed: number, k: number, label: number, skill: number): number[] {
  let state = seed * 2654435761 + 1;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const raw = Array.from({ length: k }, (_, c) => next() + (c === label ? skill * 2 : 0));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((value) => value / sum);
}
