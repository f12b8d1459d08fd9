import {
  buildEvaluationReport,
  compareWithBaseline,
  createRng,
  ddiSkinTypeGroups,
  type Rng,
} from '@dermino/analytics';
import {
  appendJobLog,
  createDatasetVersion,
  createJob,
  type Db,
  findRegistryImages,
  finishJob,
  listConcepts,
  promoteModelVersion,
  registerModelVersion,
  saveEvaluation,
  startJobAttempt,
  updateJobProgress,
} from '@dermino/db';
import { seedDriftReport } from './seed-manager-drift';

// What the manager pages need, made by the real db functions from deterministic synthetic predictions:
// a backbone and three classifiers fine-tuned with 1% / 10% / 100% of the labels (champion: 100%), an evaluation
// of each whose report is @dermino/analytics' buildEvaluationReport, a drift report, and jobs in every state.
// A Prediction row needs a registry image, so the stored predictions cover the e2e images only (that is what
// compareModels pairs); each report is computed from the full synthetic cohort.

export const CLASSES = ['akiec', 'bcc', 'bkl', 'df', 'mel', 'nv', 'vasc'];
export const PRIOR = [0.05, 0.09, 0.11, 0.04, 0.12, 0.55, 0.04];
const SKIN_TYPES = ['I', 'II', 'III', 'IV', 'V', 'VI'];
// Type VI is rare (as in most dermoscopy sets): under the minimum group size, so the page greys it.
const SKIN_PRIOR = [0.16, 0.25, 0.25, 0.19, 0.11, 0.04];
const COHORT_SIZE = 420;
export const FRACTIONS = [0.01, 0.1, 1] as const;
// How separable each classifier's outputs are: more labels, better model.
const SKILL: Record<number, number> = { 0.01: 0.9, 0.1: 1.7, 1: 2.6 };

export const pick = (rng: Rng, weights: readonly number[]) => {
  let u = rng.next();
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return i;
  }
  return weights.length - 1;
};

/** One row of class probabilities: the true class lifted by the model's skill, less on darker skin. */
export function predictRow(rng: Rng, label: number, skill: number, skinTypeIndex: number): number[] {
  const lift = skill * (1 - 0.09 * skinTypeIndex) * (1 + 0.5 * rng.nextNormal());
  const logits = CLASSES.map(
    (_, c) => rng.nextNormal() + Math.log(PRIOR[c] as number) + (c === label ? lift : 0),
  );
  const max = Math.max(...logits);
  const exp = logits.map((l) => Math.exp(l - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

export interface SyntheticCohort {
  labels: number[];
  attributes: Record<string, string[]>;
}

export function syntheticCohort(seed: number): SyntheticCohort {
  const rng = createRng(seed);
  const labels: number[] = [];
  const attributes: Record<string, string[]> = { skin_type: [], sex: [], age_band: [], site: [], device: [] };
  for (let i = 0; i < COHORT_SIZE; i++) {
    labels.push(pick(rng, PRIOR));
    attributes.skin_type!.push(SKIN_TYPES[pick(rng, SKIN_PRIOR)] as string);
    attributes.sex!.push(rng.next() < 0.52 ? 'FEMALE' : 'MALE');
    attributes.age_band!.push(
      ['<30', '30-44', '45-59', '60-74', '75+'][pick(rng, [0.12, 0.22, 0.3, 0.24, 0.12])] as string,
    );
    attributes.site!.push(
      ['back', 'face', 'trunk', 'lower_extremity', 'upper_extremity'][
        pick(rng, [0.3, 0.15, 0.25, 0.18, 0.12])
      ] as string,
    );
    attributes.device!.push(
      ['dermlite-dl4', 'heine-delta30', 'molemax-hd'][pick(rng, [0.5, 0.35, 0.15])] as string,
    );
  }
  attributes.skin_type_group = ddiSkinTypeGroups(attributes.skin_type!).map((g) => g ?? '(missing)');
  return { labels, attributes };
}

export async function finishedJob(db: Db, kind: Parameters<typeof createJob>[1]['kind'], payload: object) {
  const job = await createJob(db, { kind, payload, createdBy: null });
  await startJobAttempt(db, job.id);
  await updateJobProgress(db, job.id, { step: 10, total: 10 });
  await finishJob(db, job.id, { status: 'SUCCEEDED' });
  return job;
}

const trainingCurve = (steps: number, start: number) =>
  Array.from({ length: steps }, (_, i) => ({
    step: (i + 1) * 10,
    total: Number((start * Math.exp(-i / 8) + 0.3).toFixed(4)),
    lr: Number((1e-3 * Math.min(1, (i + 1) / 4)).toFixed(6)),
  }));

export interface SeededManagerData {
  backboneId: string;
  classifierIds: string[];
  championId: string;
  evaluationIds: string[];
  datasetVersionId: string;
  runningJobId: string;
  queuedJobId: string;
  failedJobId: string;
  alertCount: number;
  finetuneJobId: string;
  /** Images both classifiers' stored evaluations predicted (what compareModels pairs). */
  pairedImages: number;
  /** The champion's report, to check the pages show its numbers. */
  championReport: ReturnType<typeof buildEvaluationReport>;
  /** The champion's raw-pixel baseline (a weaker model on the same images): the overview shows its gain. */
  championBaseline: ReturnType<typeof compareWithBaseline>;
  pretrainJobId: string;
}

// A pixel baseline between the 1% and 10% classifiers: the 1% one is flagged, the champion beats it.
const PIXEL_SKILL = 1.2;

export async function seedManagerData(db: Db): Promise<SeededManagerData> {
  const concepts = await listConcepts(db);
  const conceptIdOf = new Map(concepts.map((c) => [c.code, c.id]));
  const malignantClasses = CLASSES.flatMap((code, i) =>
    concepts.find((c) => c.code === code)?.malignant ? [i] : [],
  );
  // The e2e images, each labelled by a synthetic class, all in TEST: the version the evaluations are on.
  const images = await findRegistryImages(db);
  const imageLabels = images.map((_, i) => (i * 3) % CLASSES.length);
  const version = await createDatasetVersion(db, {
    datasetName: `manager-e2e-${Date.now()}`,
    filter: {},
    splitConfig: { train: 0, val: 0, test: 100, groupBy: 'patient', seed: 0 },
    items: images.map((image, i) => ({
      imageId: image.imageId,
      conceptId: conceptIdOf.get(CLASSES[imageLabels[i] as number] as string) ?? null,
      split: 'TEST',
    })),
  });

  const pretrain = await finishedJob(db, 'PRETRAIN', { datasetVersionId: version.id });
  const backbone = await registerModelVersion(db, {
    name: 'vit-s16-dino',
    kind: 'BACKBONE',
    config: { arch: 'vit-s16', method: 'dino' },
    datasetVersionId: version.id,
    jobId: pretrain.id,
    metrics: {
      curve: trainingCurve(12, 6),
      health: [4, 8, 12].map((step) => ({
        step,
        embeddingStd: 0.004 * step,
        effectiveRank: 2 + step,
        teacherEntropy: 5,
        teacherCentreKl: 0.1 * step,
        width: 384,
        prototypes: 4096,
        probeImages: 256,
      })),
    },
    artifacts: [],
  });
  const cohort = syntheticCohort(7);
  const classifierIds: string[] = [];
  const evaluationIds: string[] = [];
  let championReport: SeededManagerData['championReport'] | null = null;
  let championBaseline: SeededManagerData['championBaseline'] | null = null;
  const pixelRng = createRng(99);
  const pixelRows = cohort.labels.map((label, i) =>
    predictRow(pixelRng, label, PIXEL_SKILL, SKIN_TYPES.indexOf(cohort.attributes.skin_type![i] as string)),
  );
  let finetuneJobId = '';
  for (const fraction of FRACTIONS) {
    const finetune = await finishedJob(db, 'FINETUNE', {
      labelFraction: fraction,
      datasetVersionId: version.id,
    });
    const model = await registerModelVersion(db, {
      name: `derm-cls-${fraction * 100}pct`,
      kind: 'CLASSIFIER',
      config: { labelFraction: fraction, head: 'linear' },
      classes: CLASSES,
      datasetVersionId: version.id,
      parentId: backbone.id,
      jobId: finetune.id,
      metrics: { curve: trainingCurve(10, 2.2) },
      artifacts: [],
    });
    classifierIds.push(model.id);
    finetuneJobId = finetune.id;
    const rng = createRng(100 + fraction * 100);
    const skill = SKILL[fraction] as number;
    const rows = cohort.labels.map((label, i) =>
      predictRow(rng, label, skill, SKIN_TYPES.indexOf(cohort.attributes.skin_type![i] as string)),
    );
    const report = buildEvaluationReport(
      {
        probabilities: Float64Array.from(rows.flat()),
        numClasses: CLASSES.length,
        labels: Int32Array.from(cohort.labels),
        classNames: CLASSES,
        malignantClasses,
        attributes: cohort.attributes,
        groupBy: [
          'skin_type',
          'skin_type_group',
          'sex',
          'age_band',
          'site',
          'device',
          ['sex', 'skin_type'],
          ['skin_type_group', 'sex'],
        ],
      },
      { resamples: 200, seed: 0, minGroupSize: 30 },
    );
    const comparison = compareWithBaseline(
      {
        labels: Int32Array.from(cohort.labels),
        numClasses: CLASSES.length,
        modelProbabilities: Float64Array.from(rows.flat()),
        baselineProbabilities: Float64Array.from(pixelRows.flat()),
      },
      { resamples: 200, seed: 0 },
    );
    const baseline = {
      method: 'class-weighted logistic regression on raw 32x32 RGB pixels',
      inputSize: 32,
      features: 3072,
      trainImages: Math.max(1, Math.round(280 * fraction)),
      valImages: 60,
      testImages: cohort.labels.length,
      labelFraction: fraction,
      weightDecay: 0.01,
      ...comparison,
    };
    if (fraction === 1) {
      championReport = report;
      championBaseline = comparison;
    }
    const evaluate = await finishedJob(db, 'EVALUATE', { model: model.id, datasetVersionId: version.id });
    const predictions = images.map((image, i) => {
      const probabilities = predictRow(rng, imageLabels[i] as number, skill, 2);
      return {
        imageId: image.imageId,
        probabilities,
        predicted: probabilities.indexOf(Math.max(...probabilities)),
        label: imageLabels[i] as number,
      };
    });
    const evaluation = await saveEvaluation(db, {
      modelVersionId: model.id,
      datasetVersionId: version.id,
      split: 'TEST',
      jobId: evaluate.id,
      report: JSON.parse(JSON.stringify(report)),
      baseline: JSON.parse(JSON.stringify(baseline)),
      predictions,
    });
    evaluationIds.push(evaluation.id);
  }
  const championId = classifierIds[2] as string;
  await promoteModelVersion(db, { id: championId, alias: 'champion', updatedBy: null });
  const alertCount = await seedDriftReport(db, championId);

  const running = await createJob(db, { kind: 'EMBED', payload: { model: championId }, createdBy: null });
  await startJobAttempt(db, running.id);
  await updateJobProgress(db, running.id, { step: 120, total: 480, rate: 2.5, etaSeconds: 144 });
  await appendJobLog(db, running.id, 'info', 'Embedding 480 images with vit-s16-dino.');
  await appendJobLog(db, running.id, 'warn', '2 images could not be decoded; left out.');
  const queued = await createJob(db, {
    kind: 'EVALUATE',
    payload: { model: classifierIds[0], datasetVersionId: version.id },
    createdBy: null,
  });
  const failed = await createJob(db, {
    kind: 'AUDIT',
    payload: { datasetVersionId: version.id },
    createdBy: null,
  });
  await startJobAttempt(db, failed.id);
  await finishJob(db, failed.id, {
    status: 'FAILED',
    error: 'Out of memory while computing duplicate clusters (try a smaller maxImages).',
  });
  return {
    backboneId: backbone.id,
    classifierIds,
    championId,
    evaluationIds,
    datasetVersionId: version.id,
    runningJobId: running.id,
    queuedJobId: queued.id,
    failedJobId: failed.id,
    alertCount,
    finetuneJobId,
    pairedImages: images.length,
    championReport: championReport as SeededManagerData['championReport'],
    championBaseline: championBaseline as SeededManagerData['championBaseline'],
    pretrainJobId: pretrain.id,
  };
}
