import {
  createQueue,
  enqueueJob,
  findEvaluations,
  findVersionImages,
  getModelVersionByJobId,
  promoteModelVersion,
  type Queue,
} from '@dermino/db';
import { checkCollapse, type RepresentationHealth } from '@dermino/model';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jobHandlers } from '../src/jobs/index.js';
import { demoVersion, MICRO_CONFIG, testHome } from './demo-fixture.js';
import { startTestWorker } from './support.js';
import { expectSuccess } from './wait-job.js';

type Health = { step: number } & RepresentationHealth;
const KINDS = new Set(['PRETRAIN', 'FINETUNE', 'EVALUATE']);
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let queue: Queue;
let datasetVersionId: string;

beforeAll(async () => {
  worker = await startTestWorker(
    jobHandlers.filter((h) => KINDS.has(h.kind)),
    testHome(),
  );
  queue = await createQueue({ url: inject('databaseUrl'), max: 1 });
  datasetVersionId = (await demoVersion(worker.db)).id;
});
afterAll(async () => {
  await queue.stop({ graceful: true, wait: true, timeout: 5000 });
  await worker.stop();
});

const logsOf = async (jobId: string) =>
  (await worker.db.jobLog.findMany({ where: { jobId }, orderBy: { id: 'asc' } })).map(
    (l) => `${l.level}: ${l.message}`,
  );

describe('representation health of a pretraining job', () => {
  let collapsedJob: string;

  it('measures the probe set at every checkpoint; a collapsed backbone is registered FAILED with the reason and is never promoted', async () => {
    const job = await enqueueJob(worker.db, queue, {
      kind: 'PRETRAIN',
      payload: {
        datasetVersionId,
        config: MICRO_CONFIG,
        steps: 12,
        batchSize: 8,
        checkpointEvery: 4,
        seed: 3,
        name: 'micro-health',
      },
    });
    collapsedJob = job.id;
    await expectSuccess(worker.db, job.id);
    const model = (await getModelVersionByJobId(worker.db, { jobId: job.id }))!;
    const metrics = model.metrics as unknown as {
      health: Health[];
      healthVerdict: { collapsed: boolean; reasons: string[]; thresholds: unknown };
    };
    const trainImages = (await findVersionImages(worker.db, { datasetVersionId, splits: ['TRAIN'] })).length;
    expect(metrics.health.map((p) => p.step)).toEqual([4, 8, 12]);
    for (const point of metrics.health) {
      expect(point).toMatchObject({ width: 16, prototypes: 16, probeImages: Math.min(256, trainImages) });
      for (const key of ['embeddingStd', 'effectiveRank', 'teacherEntropy', 'teacherCentreKl'] as const)
        expect(Number.isFinite(point[key])).toBe(true);
    }
    // The micro ViT's CLS embeddings point one way (std x sqrt(16) about 0.02, RankMe about 1.2: src/health/README.md).
    const verdict = checkCollapse(metrics.health[2]);
    expect(verdict.collapsed).toBe(true);
    expect(metrics.healthVerdict).toMatchObject({
      collapsed: true,
      reasons: verdict.reasons,
      thresholds: { minStdRatio: 0.1, minRankFraction: 0.03 },
    });
    expect(model.status).toBe('FAILED');
    expect(model.statusReason).toBe(`Collapsed backbone at step 12: ${verdict.reasons.join('; ')}.`);
    const logs = await logsOf(job.id);
    expect(
      logs.filter((line) => /^info: Health at step (4|8|12) on \d+ probe images: embedding std /.test(line)),
    ).toHaveLength(3);
    expect(logs).toContain(
      `error: Registered backbone ${model.id} as FAILED; it can never be promoted. ${model.statusReason}`,
    );
    await expect(
      promoteModelVersion(worker.db, { id: model.id, alias: 'health-test' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Model ${model.id} failed its checks and can never be promoted: ${model.statusReason}.`,
    });
    expect(await worker.db.modelAlias.count({ where: { alias: 'health-test' } })).toBe(0);
  });

  it('the probe set is fixed: the same payload gives the same health figures', async () => {
    const job = await enqueueJob(worker.db, queue, {
      kind: 'PRETRAIN',
      payload: {
        datasetVersionId,
        config: MICRO_CONFIG,
        steps: 12,
        batchSize: 8,
        checkpointEvery: 4,
        seed: 3,
        name: 'micro-health-again',
      },
    });
    await expectSuccess(worker.db, job.id);
    const health = async (jobId: string) =>
      ((await getModelVersionByJobId(worker.db, { jobId }))!.metrics as unknown as { health: Health[] })
        .health;
    expect(await health(job.id)).toEqual(await health(collapsedJob));
  });

  it('a tiny ViT at its initialisation passes the checks and is READY', async () => {
    // Measured: std x sqrt(64) about 0.12 (threshold 0.1), RankMe about 2.5 (threshold 2).
    const job = await enqueueJob(worker.db, queue, {
      kind: 'PRETRAIN',
      payload: {
        datasetVersionId,
        preset: 'tiny',
        steps: 1,
        batchSize: 4,
        checkpointEvery: 1,
        seed: 0,
        name: 'tiny-health',
      },
    });
    await expectSuccess(worker.db, job.id, 300_000);
    const model = (await getModelVersionByJobId(worker.db, { jobId: job.id }))!;
    const [point] = (model.metrics as unknown as { health: Health[] }).health;
    expect(point).toMatchObject({ step: 1, width: 64 });
    expect(checkCollapse(point).collapsed).toBe(false);
    expect(model).toMatchObject({ status: 'READY', statusReason: null });
  });
});

describe('the raw-pixel baseline of an evaluation', () => {
  it('is fitted on the same labelled train split, scored on the same test images, and stored beside the report', async () => {
    const pretrain = await enqueueJob(worker.db, queue, {
      kind: 'PRETRAIN',
      payload: {
        datasetVersionId,
        config: MICRO_CONFIG,
        steps: 8,
        batchSize: 8,
        checkpointEvery: 4,
        seed: 4,
        name: 'micro-baseline',
      },
    });
    const finetune = await enqueueJob(worker.db, queue, {
      kind: 'FINETUNE',
      payload: {
        backbone: { fromJob: pretrain.id },
        datasetVersionId,
        method: 'linear',
        labelFraction: 1,
        after: [pretrain.id],
      },
    });
    const evaluate = await enqueueJob(worker.db, queue, {
      kind: 'EVALUATE',
      payload: {
        model: { fromJob: finetune.id },
        datasetVersionId,
        resamples: 100,
        groupBy: ['sex'],
        after: [finetune.id],
        // The micro backbone collapses (the first test): its classifier must not take a vacant alias either.
        promoteIfVacant: 'baseline-test-champion',
      },
    });
    await expectSuccess(worker.db, evaluate.id, 300_000);
    const [evaluation] = await findEvaluations(worker.db, { jobId: evaluate.id });
    const classifier = (await getModelVersionByJobId(worker.db, { jobId: finetune.id }))!;
    const classes = classifier.classes as string[];
    const labelledTrain = (
      await findVersionImages(worker.db, { datasetVersionId, splits: ['TRAIN'], labelledOnly: true })
    ).filter((i) => classes.includes(i.conceptCode!));
    const labelledVal = (
      await findVersionImages(worker.db, { datasetVersionId, splits: ['VAL'], labelledOnly: true })
    ).filter((i) => classes.includes(i.conceptCode!));
    const baseline = evaluation.baseline as unknown as {
      method: string;
      inputSize: number;
      features: number;
      trainImages: number;
      valImages: number;
      testImages: number;
      baseline: Record<string, { value: number; ci_low: number; ci_high: number }>;
      gain: Record<string, { a: number; b: number; difference: number; ci_low: number; ci_high: number }>;
      beats_baseline: boolean;
    };
    expect(baseline).toMatchObject({
      method: 'class-weighted logistic regression on raw 16x16 RGB pixels',
      inputSize: 16,
      features: 768,
      trainImages: labelledTrain.length,
      valImages: labelledVal.length,
      testImages: evaluation._count.predictions,
    });
    const report = evaluation.report as { overall: Record<string, { value: number }> };
    for (const metric of ['balanced_accuracy', 'macro_auroc', 'accuracy']) {
      const own = baseline.baseline[metric];
      expect(own.value).toBeGreaterThanOrEqual(0);
      expect(own.value).toBeLessThanOrEqual(1);
      expect(own.ci_low).toBeLessThanOrEqual(own.value);
      expect(own.ci_high).toBeGreaterThanOrEqual(own.value);
      // Same images: the gain's two sides are the model's report and the baseline's own figure.
      expect(baseline.gain[metric].a).toBeCloseTo(report.overall[metric].value, 10);
      expect(baseline.gain[metric].b).toBeCloseTo(own.value, 10);
      expect(baseline.gain[metric].difference).toBeCloseTo(report.overall[metric].value - own.value, 10);
    }
    expect(baseline.beats_baseline).toBe(baseline.gain.balanced_accuracy.difference > 0);
    const line = (await logsOf(evaluate.id)).find((l) => l.includes('Pixel baseline ('));
    expect(line).toMatch(
      new RegExp(
        `^(info|warn): Pixel baseline \\(class-weighted logistic regression on raw 16x16 RGB pixels, ${labelledTrain.length} train images\\): balanced accuracy 0\\.\\d{3}; the model adds [+-]\\d\\.\\d{3}`,
      ),
    );
    if (!baseline.beats_baseline)
      expect(line).toMatch(/^warn: .* The model does not beat its pixel baseline\.$/);
    const backbone = (await getModelVersionByJobId(worker.db, { jobId: pretrain.id }))!;
    expect(backbone.status).toBe('FAILED');
    expect(await logsOf(evaluate.id)).toContain(
      `warn: Not made baseline-test-champion: the backbone of model ${classifier.id} (model ${backbone.id}) failed its checks: ${backbone.statusReason!.replace(/\.$/, '')}.`,
    );
    expect(await worker.db.modelAlias.findUnique({ where: { alias: 'baseline-test-champion' } })).toBeNull();
  });
});
