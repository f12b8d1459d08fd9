import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildEvaluationReport } from '@dermino/analytics';
import {
  countEmbeddings,
  createDb,
  enqueueJob,
  findDataAudits,
  findDriftReports,
  findEmbeddings,
  findEvaluations,
  findImagesWithoutEmbedding,
  findJobLogs,
  findPredictions,
  findRegistryImages,
  findSimilarImages,
  findVersionImages,
  getJobById,
  getMeta,
  getModelLineage,
  getModelVersionByAlias,
  getModelVersionByJobId,
  listConcepts,
  promoteModelVersion,
} from '@dermino/db';
import { createInferenceSession } from '@dermino/model';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { attributeTable } from '../src/jobs/evaluate/evaluate-job.js';
import { jobHandlers } from '../src/jobs/index.js';
import type { DemoPipelineJobs } from '../src/pipeline/demo-pipeline.js';
import { DEMO_BUDGET, DEMO_EVALUATION_GROUPS } from '../src/pipeline/demo-pipeline.js';
import { enqueueDemoPipelineIfNeeded } from '../src/pipeline/enqueue-demo-pipeline.js';
import { demoVersion, HEALTHY_MICRO_CONFIG, testHome } from './demo-fixture.js';
import { bacc, demoJobIds, demoMetaOf, modelOfJobIn } from './demo-pipeline-reads.js';
import { startTestWorker } from './support.js';
import { expectSuccess } from './wait-job.js';

let worker: Awaited<ReturnType<typeof startTestWorker>>;
const home = testHome();
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
// Stored probabilities come back through Postgres float8 text, which may round the last bit.
const rounded = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v)));
const budget = {
  ...DEMO_BUDGET,
  config: HEALTHY_MICRO_CONFIG,
  steps: 4,
  batchSize: 8,
  checkpointEvery: 2,
  resamples: 50,
  permutations: 20,
  maxPerWindow: 40,
  minWindowSize: 10,
  // The background continuation, micro-sized: 2 steps, no time budget.
  continuation: { steps: 2 },
};

const db = createDb({ url: inject('databaseUrl') });

beforeAll(async () => {
  await demoVersion(db);
  // Enqueued (twice: a second start must add nothing) before the worker starts, as `dermino start` does.
  await enqueueDemoPipelineIfNeeded(db, inject('databaseUrl'), { budget, minImages: 100 });
  first = (await getMeta<{ jobs: DemoPipelineJobs }>(db, 'demo-pipeline'))!.jobs;
  await enqueueDemoPipelineIfNeeded(db, inject('databaseUrl'), { budget, minImages: 100 });
  worker = await startTestWorker(jobHandlers, home);
});
afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
});
let first: DemoPipelineJobs;
const championMoves = async () =>
  (
    await worker.db.auditEvent.findMany({
      where: { action: 'model.alias' },
      orderBy: { id: 'asc' },
      select: { details: true },
    })
  )
    .map((event) => event.details as { alias: string; from: string | null; to: string; by: string | null })
    .filter((move) => move.alias === 'champion');

describe('the demo pipeline after the first start', () => {
  it('runs pretrain -> linear probes (10%, 100%) and kNN -> evaluate -> embed -> drift -> audit, once', async () => {
    const meta = await demoMetaOf(worker.db);
    const { jobs, datasetVersionId } = meta;
    expect((await demoVersion(worker.db)).id).toBe(datasetVersionId);
    expect(jobs).toEqual(first);
    // One demo pretraining and one background continuation, queued once.
    expect(await worker.db.job.count({ where: { kind: 'PRETRAIN', createdBy: 'demo-pipeline' } })).toBe(2);

    const all = demoJobIds(jobs);
    for (const id of all) await expectSuccess(worker.db, id, 400_000);

    // Lineage: dataset version -> pretrain job -> backbone -> classifiers -> evaluations / drift report.
    const backbone = await modelOfJobIn(worker.db, jobs.pretrain);
    expect(backbone).toMatchObject({ kind: 'BACKBONE', datasetVersionId, parentId: null });
    expect((backbone.metrics as { curve: unknown[] }).curve).toHaveLength(budget.steps);
    // The demo fills its budget: the steps were timed when the job started (a micro model: all 4 fit in 300 s).
    expect(backbone.config).toMatchObject({
      steps: budget.steps,
      budgetSeconds: 300,
      secondsPerStep: expect.any(Number),
    });
    expect(backbone.artifacts.map((a) => a.kind).sort()).toEqual([
      'backbone-weights',
      'checkpoint-manifest',
      'checkpoint-tensors',
      'onnx',
    ]);
    for (const artifact of backbone.artifacts) {
      const file = path.join(home, artifact.storageKey);
      expect(sha256(file)).toBe(artifact.sha256);
      expect(fs.statSync(file).size).toBe(artifact.bytes);
    }
    const manifest = JSON.parse(
      fs.readFileSync(
        path.join(home, backbone.artifacts.find((a) => a.kind === 'checkpoint-manifest')!.storageKey),
        'utf8',
      ),
    );
    expect(manifest.step).toBe(budget.steps);
    const items = await findVersionImages(worker.db, { datasetVersionId });
    // Frozen like a data team would: each patient on one side, every split with labelled images.
    const sideOf = new Map<string, string>();
    for (const item of items)
      expect(sideOf.set(item.patientId, sideOf.get(item.patientId) ?? item.split!).get(item.patientId)).toBe(
        item.split,
      );
    for (const split of ['TRAIN', 'VAL', 'TEST'])
      expect(items.some((i) => i.split === split && i.conceptCode)).toBe(true);
    // VAL and TEST hold labelled images only; the unlabelled ones are in TRAIN, for pretraining.
    expect(items.filter((i) => i.split !== 'TRAIN' && !i.conceptCode)).toEqual([]);
    expect(items.some((i) => i.split === 'TRAIN' && !i.conceptCode)).toBe(true);
    const session = await createInferenceSession({
      modelPath: path.join(home, backbone.artifacts.find((a) => a.kind === 'onnx')!.storageKey),
    });
    const [served] = await session.predict([
      fs.readFileSync(path.join(home, 'images', items[0].storageKey!, 'working.webp')),
    ]);
    expect(served.embedding).toHaveLength(HEALTHY_MICRO_CONFIG.vit.width);
    expect(served.conceptScores?.length).toBe(manifest.concepts.length);
    await session.close();
    const malignant = new Set((await listConcepts(worker.db)).filter((c) => c.malignant).map((c) => c.code));
    const classifiers = await Promise.all(
      jobs.finetunes.map((f) => getModelVersionByJobId(worker.db, { jobId: f.job })),
    );
    for (const [index, classifier] of classifiers.entries()) {
      expect(classifier).toMatchObject({ kind: 'CLASSIFIER', parentId: backbone.id, datasetVersionId });
      expect(classifier!.config).toMatchObject({
        method: jobs.finetunes[index].method,
        labelFraction: jobs.finetunes[index].labelFraction,
      });
      const [evaluation] = await findEvaluations(worker.db, { jobId: jobs.evaluates[index] });
      expect(evaluation).toMatchObject({ modelVersionId: classifier!.id, datasetVersionId, split: 'TEST' });
      // Every test image the classifier has a class for is predicted, and the stored report is what analytics
      // computes from the stored predictions.
      const classes = classifier!.classes as string[];
      const test = items.filter(
        (i) => i.split === 'TEST' && i.conceptCode && classes.includes(i.conceptCode),
      );
      const predictions = await findPredictions(worker.db, { evaluationId: evaluation.id });
      expect(predictions.map((p) => p.imageId).sort()).toEqual(test.map((i) => i.imageId).sort());
      const byId = new Map(test.map((image) => [image.imageId, image]));
      const images = predictions.map((p) => byId.get(p.imageId)!);
      for (const [row, p] of predictions.entries())
        expect(p.label).toBe(classes.indexOf(images[row].conceptCode!));
      const expected = buildEvaluationReport(
        {
          probabilities: Float64Array.from(predictions.flatMap((p) => p.probabilities)),
          numClasses: classes.length,
          labels: Int32Array.from(predictions, (p) => p.label!),
          classNames: classes,
          malignantClasses: classes.flatMap((code, c) => (malignant.has(code) ? [c] : [])),
          attributes: attributeTable(images),
          groupBy: DEMO_EVALUATION_GROUPS,
        },
        { resamples: budget.resamples, seed: 0, minGroupSize: 30 },
      );
      expect(rounded(evaluation.report)).toEqual(rounded(expected));
    }
    // The all-labels linear probe became the first champion (read from the audit trail: the background
    // continuation may have moved the alias since); the others were not promoted.
    const full = jobs.finetunes.findIndex((f) => f.method === 'linear' && f.labelFraction === 1);
    expect(await championMoves()).toContainEqual({
      alias: 'champion',
      from: null,
      to: classifiers[full]!.id,
      by: `job:${jobs.evaluates[full]}`,
    });
    const other = classifiers.find((c) => c!.id !== classifiers[full]!.id)!;
    expect(
      (await promoteModelVersion(worker.db, { id: other.id, alias: 'champion', onlyIfVacant: true })).moved,
    ).toBe(false);
    expect((await getModelVersionByAlias(worker.db, { alias: 'champion' })).id).not.toBe(other.id);
    // 10% of the labels trains on fewer images than 100%.
    const trained = classifiers.map((c) => (c!.metrics as { trainImages: number }).trainImages);
    expect(trained[0]).toBeLessThan(trained[1]);

    const [drift] = (await findDriftReports(worker.db, { modelVersionId: classifiers[1]!.id })).filter(
      (r) => r.jobId === jobs.drift,
    );
    const windows = drift.windows as {
      window: string;
      reference: boolean;
      n: number;
      metadata: Record<string, { jensenShannon: number }>;
    }[];
    expect(windows.filter((w) => w.reference)).toHaveLength(3);
    expect(windows.length).toBeGreaterThan(3);
    // The synthetic registry replaces site-b's device in month 8: the device distribution moves away from the
    // reference more after it than before it (small monthly samples make single months noisy).
    const deviceJs = windows.map((w) => w.metadata.device.jensenShannon);
    const mean = (values: number[]) => values.reduce((a, v) => a + v, 0) / values.length;
    expect(mean(deviceJs.slice(7))).toBeGreaterThan(mean(deviceJs.slice(3, 7)) + 0.1);
    const alerts = drift.alerts as { window: string; area: string; feature: string }[];
    // Per window: CBPE beside realised accuracy by skin type (groups add up to the window), and example images
    // of that month (the furthest from the reference where the month has an alert).
    const registry = new Map(
      (await findRegistryImages(worker.db)).map((image) => [image.imageId, image.capturedAt!.toISOString()]),
    );
    for (const w of drift.windows as {
      window: string;
      n: number;
      cbpe: { expectedAccuracy: number };
      performanceBySkinType: {
        overall: { n: number; estimatedAccuracy: number };
        ddi: { n: number }[];
        types: { n: number }[];
      };
      examples: { chosenBy: string; images: { imageId: string; capturedOn: string }[] };
    }[]) {
      expect(w.performanceBySkinType.overall.n).toBe(w.n);
      expect(w.performanceBySkinType.overall.estimatedAccuracy).toBeCloseTo(w.cbpe.expectedAccuracy, 4);
      expect(w.performanceBySkinType.ddi.reduce((a, g) => a + g.n, 0)).toBe(w.n);
      expect(w.performanceBySkinType.types.reduce((a, g) => a + g.n, 0)).toBe(w.n);
      expect(w.examples.images.length).toBe(Math.min(6, w.n));
      for (const image of w.examples.images) expect(registry.get(image.imageId)?.slice(0, 7)).toBe(w.window);
      expect(w.examples.chosenBy).toBe(
        alerts.some((a) => a.window === w.window) ? 'furthest-from-reference' : 'seeded-sample',
      );
    }
    expect(
      (drift.windows as { realisedAccuracy: number | null }[]).some(
        (w) => typeof w.realisedAccuracy === 'number',
      ),
    ).toBe(true);
    expect(
      alerts.some(
        (a) =>
          a.area === 'metadata' &&
          a.feature === 'device' &&
          windows.findIndex((w) => w.window === a.window) >= 7,
      ),
    ).toBe(true);
    // Alarm lines come from the reference months themselves, and each alarm names the segment it lives in.
    const calibrated = drift.windows as {
      window: string;
      status: string;
      calibrated: { threshold: number | null }[];
    }[];
    expect(calibrated.filter((w) => w.status === 'reference')).toHaveLength(3);
    for (const w of calibrated.filter((w) => w.status !== 'too-small'))
      expect(w.calibrated.every((f) => f.threshold === null || Number.isFinite(f.threshold))).toBe(true);
    const deviceAlerts = (
      drift.alerts as {
        feature: string;
        window: string;
        segment: { dimension: string; value: string } | null;
      }[]
    ).filter((a) => a.feature === 'device' && a.window >= '2025-09');
    expect(deviceAlerts.some((a) => a.segment?.value === 'site-b')).toBe(true);

    // The lineage a manager reads: dataset version -> job -> model (and its backbone) -> evaluation, drift report.
    const lineage = await getModelLineage(worker.db, { id: classifiers[1]!.id });
    expect(lineage.ancestors.map((a) => a.id)).toEqual([backbone.id]);
    expect(lineage.datasetVersion?.id).toBe(datasetVersionId);
    expect(lineage.job).toMatchObject({ id: jobs.finetunes[1].job, kind: 'FINETUNE', status: 'SUCCEEDED' });
    expect(lineage.evaluations.map((e) => e.jobId)).toContain(jobs.evaluates[1]);
    expect(lineage.driftReports.map((r) => r.jobId)).toContain(jobs.drift);

    const [audit] = (await findDataAudits(worker.db, { datasetVersionId })).filter(
      (a) => a.jobId === jobs.audit,
    );
    const report = audit.report as {
      images: number;
      leakage: { patients: unknown[]; lesions: unknown[] };
      labelIssues: { checked: number };
    };
    expect(report.images).toBe(items.length);
    // Splits are patient-grouped: no patient or lesion on two sides.
    expect(report.leakage.patients).toEqual([]);
    expect(report.leakage.lesions).toEqual([]);
    expect(report.labelIssues.checked).toBe(items.filter((i) => i.conceptCode).length);
    expect((await getJobById(worker.db, jobs.audit)).status).toBe('SUCCEEDED');

    // Embeddings: every image of the version, in pgvector, searchable through the model's HNSW index; embedding
    // again adds nothing.
    const ids = items.map((i) => i.imageId);
    expect(
      await findImagesWithoutEmbedding(worker.db, { modelVersionId: backbone.id, imageIds: ids }),
    ).toEqual([]);
    const stored = await countEmbeddings(worker.db, { modelVersionId: backbone.id });
    const again = await enqueueJob(worker.db, worker.queue, {
      kind: 'EMBED',
      payload: { model: { modelVersionId: backbone.id } },
    });
    await expectSuccess(worker.db, again.id);
    expect(await countEmbeddings(worker.db, { modelVersionId: backbone.id })).toBe(stored);
    const indexes = await worker.db.$queryRaw<
      { indexdef: string }[]
    >`SELECT indexdef FROM pg_indexes WHERE tablename = 'Embedding' AND indexdef LIKE '%hnsw%'`;
    expect(indexes.some((i) => i.indexdef.includes(backbone.id))).toBe(true);
    const [some] = await findEmbeddings(worker.db, { modelVersionId: backbone.id, imageIds: [ids[0]] });
    const similar = await findSimilarImages(worker.db, {
      modelVersionId: backbone.id,
      vector: some.vector,
      k: 3,
    });
    expect(similar.map((x) => x.imageId)).toContain(ids[0]);
    expect(similar[0].distance).toBeCloseTo(0, 5);
  }, 420_000);

  it('then continues pretraining after every demo job, embeds it, and moves the champion only if it scores higher', async () => {
    const { jobs, datasetVersionId } = await demoMetaOf(worker.db);
    const continuation = jobs.continuation!;
    const demo = demoJobIds(jobs);
    const payload = async (id: string) =>
      (await getJobById(worker.db, id)).payload as Record<string, unknown>;
    const pretrain = await payload(continuation.pretrain);
    expect(pretrain).toMatchObject({ datasetVersionId, steps: 2, config: HEALTHY_MICRO_CONFIG, after: demo });
    // No 5-minute budget: the continuation runs all its steps.
    expect(pretrain).not.toHaveProperty('budgetSeconds');
    expect(pretrain).not.toHaveProperty('fillBudget');
    expect(await payload(continuation.finetune)).toEqual({
      backbone: { fromJob: continuation.pretrain },
      datasetVersionId,
      method: 'linear',
      labelFraction: 1,
    });
    expect(await payload(continuation.embed)).toEqual({ model: { fromJob: continuation.pretrain } });
    const full = jobs.finetunes.findIndex((f) => f.method === 'linear' && f.labelFraction === 1);
    const { promoteIfVacant: _, model: __, ...demoEvaluation } = await payload(jobs.evaluates[full]);
    expect(await payload(continuation.evaluate)).toEqual({
      ...demoEvaluation,
      model: { fromJob: continuation.finetune },
      promoteIfBetter: { alias: 'champion', metric: 'balanced_accuracy' },
      after: [continuation.embed],
    });

    for (const id of Object.values(continuation)) await expectSuccess(worker.db, id, 300_000);
    const backbone = await modelOfJobIn(worker.db, continuation.pretrain);
    const finished = await Promise.all(demo.map(async (id) => (await getJobById(worker.db, id)).finishedAt!));
    expect(Math.max(...finished.map((at) => at.getTime()))).toBeLessThanOrEqual(backbone.createdAt.getTime());
    expect(backbone.config).toMatchObject({ steps: 2 });
    // Its embeddings are stored before the evaluation that may promote it: similar cases work for it at once.
    expect(await countEmbeddings(worker.db, { modelVersionId: backbone.id })).toBe(
      (await findRegistryImages(worker.db)).length,
    );
    // Compared with the demo champion on the same version and test split: promoted only if strictly better.
    const [ours, theirs] = [
      await bacc(worker.db, continuation.evaluate),
      await bacc(worker.db, jobs.evaluates[full]),
    ];
    const challenger = await modelOfJobIn(worker.db, continuation.finetune);
    const demoChampion = await modelOfJobIn(worker.db, jobs.finetunes[full].job);
    const champion = await getModelVersionByAlias(worker.db, { alias: 'champion' });
    // A micro backbone may fail its health checks (collapse): then it is never promoted, whatever it scores.
    const promotable = backbone.status !== 'FAILED';
    expect(champion.id).toBe(promotable && ours > theirs ? challenger.id : demoChampion.id);
    const [line] = (await findJobLogs(worker.db, { jobIds: [continuation.evaluate], last: 1 })).map(
      (l) => l.message,
    );
    expect(line).toMatch(
      !promotable
        ? new RegExp(
            `^kept the champion: the backbone of model ${challenger.id} \\(model ${backbone.id}\\) failed`,
          )
        : ours > theirs
          ? /^promoted: balanced accuracy /
          : /^kept the champion: balanced accuracy /,
    );
    // Both backbones stay in the registry.
    expect(challenger.parentId).toBe(backbone.id);
    const demoBackbone = await modelOfJobIn(worker.db, jobs.pretrain);
    expect(demoChampion.parentId).toBe(demoBackbone.id);
    expect(demoBackbone.id).not.toBe(backbone.id);
  }, 360_000);
});
