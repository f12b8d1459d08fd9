import path from 'node:path';
import { buildEvaluationReport, createRng, ddiSkinTypeGroups } from '@dermino/analytics';
import {
  findVersionImages,
  listConcepts,
  promoteModelVersion,
  registerModelVersion,
  saveEvaluation,
} from '@dermino/db';
import { freezeDatasetVersion, seedDemoRegistry } from '@dermino/ingest';
import { finishedJob } from './seed-manager';
import { startSeededStack } from './seeded-stack';

// What `npm start` does first on a fresh machine, and what the trainer's demo pipeline freezes and evaluates
// (apps/trainer/src/pipeline: an app's test runs the trainer, never imports it): the default demo size, the demo
// freeze (VAL/TEST labelled only, 60/10/30 stratified by diagnosis within skin type, grouped by patient) and the
// evaluation's groups. Images are rendered at 8 px: the bias page reads the split, not the pixels.
const DEMO_SIZE = 2000;
const DEMO_FREEZE = {
  filter: { source: ['site-a', 'site-b', 'site-c'] },
  ratios: { TRAIN: 0.6, VAL: 0.1, TEST: 0.3 },
  groupBy: 'patient',
  stratifyBy: 'label-and-skin-type',
  unlabelledTo: 'TRAIN',
  seed: 0,
} as const;
const DEMO_EVALUATION_GROUPS = [
  'sex',
  'skin_type',
  'age_band',
  'site',
  'device',
  'source',
  ['sex', 'skin_type'],
];

function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exp = logits.map((logit) => Math.exp(logit - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

export interface FreshStartStack {
  webUrl: string;
  /** Test images per skin type in the champion's evaluation. */
  testImagesBySkinType: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * A fresh registry as `npm start` seeds it, its demo dataset version frozen as the demo pipeline does, and a
 * champion classifier evaluated on its TEST split by @dermino/analytics (the EVALUATE job's report builder) with a
 * noisy classifier (its true class's logit raised by 2); then the API and the dashboard.
 */
export async function startFreshStartStack(): Promise<FreshStartStack> {
  const { webUrl, seeded, stop } = await startSeededStack(async (db, home) => {
    const testImagesBySkinType: Record<string, number> = {};
    await seedDemoRegistry({
      db,
      imagesRoot: path.join(home, 'images'),
      size: DEMO_SIZE,
      imageSize: 8,
    });
    const { version } = await freezeDatasetVersion({
      db,
      name: 'synthetic-demo',
      createdBy: 'system',
      ...DEMO_FREEZE,
    });
    const test = await findVersionImages(db, { datasetVersionId: version.id, splits: ['TEST'] });
    const concepts = await listConcepts(db);
    const classes = [...new Set(test.map((image) => image.conceptCode!))].sort();
    const labels = test.map((image) => classes.indexOf(image.conceptCode!));
    const skinTypes = test.map((image) => image.skinType);
    const rng = createRng(1);
    const rows = labels.map((label) =>
      softmax(classes.map((_, c) => rng.nextNormal() + (c === label ? 2 : 0))),
    );
    const report = buildEvaluationReport(
      {
        probabilities: Float64Array.from(rows.flat()),
        numClasses: classes.length,
        labels: Int32Array.from(labels),
        classNames: classes,
        malignantClasses: classes.flatMap((code, i) =>
          concepts.find((c) => c.code === code)?.malignant ? [i] : [],
        ),
        attributes: {
          sex: test.map((image) => image.sex),
          skin_type: skinTypes,
          skin_type_group: ddiSkinTypeGroups(skinTypes).map((group) => group ?? '(missing)'),
          age_band: test.map((image) => image.ageBand ?? '(missing)'),
          site: test.map((image) => image.site),
          device: test.map((image) => image.device ?? '(missing)'),
          source: test.map((image) => image.source),
        },
        groupBy: DEMO_EVALUATION_GROUPS,
      },
      { resamples: 100, seed: 0, minGroupSize: 30 },
    );
    const finetune = await finishedJob(db, 'FINETUNE', { datasetVersionId: version.id });
    const model = await registerModelVersion(db, {
      name: 'demo-classifier',
      kind: 'CLASSIFIER',
      config: {},
      classes,
      datasetVersionId: version.id,
      jobId: finetune.id,
      artifacts: [],
    });
    const evaluate = await finishedJob(db, 'EVALUATE', { model: model.id, datasetVersionId: version.id });
    await saveEvaluation(db, {
      modelVersionId: model.id,
      datasetVersionId: version.id,
      jobId: evaluate.id,
      split: 'TEST',
      report: JSON.parse(JSON.stringify(report)),
      predictions: [],
    });
    await promoteModelVersion(db, { id: model.id, alias: 'champion', updatedBy: null });
    for (const skinType of skinTypes)
      testImagesBySkinType[skinType] = (testImagesBySkinType[skinType] ?? 0) + 1;
    return testImagesBySkinType;
  });
  return { webUrl, testImagesBySkinType: seeded, stop };
}
