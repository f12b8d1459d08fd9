import { createDb, findDataAudits, findDriftReports, findEvaluations, findVersionImages, getJobById, getModelVersionByJobId, getMeta } from '@dermino/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs/index.js';
import { DEMO_BUDGET } from '../src/pipeline/demo-pipeline.js';
import { enqueueDemoPipelineIfNeeded } from '../src/pipeline/enqueue-demo-pipeline.js';
import { demoVersion, MICRO_CONFIG, testHome } from './demo-fixture.js';
import { startTestWorker } from './support.js';
import { expectSuccess } from './wait-job.js';
import { inject } from 'vitest';
import type { DemoPipelineJobs } from '../src/pipeline/demo-pipeline.js';

let worker: Awaited<ReturnType<typeof startTestWorker>>;
const budget = { ...DEMO_BUDGET, config: MICRO_CONFIG, steps: 4, batchSize: 8, checkpointEvery: 2, resamples: 50, permutations: 20, maxPerWindow: 40 };

const db = createDb({ url: inject('databaseUrl') });

beforeAll(async () => {
  await demoVersion(db);
  // Enqueued (twice: a second start must add nothing) before the worker starts, as `dermino start` does.
  await enqueueDemoPipelineIfNeeded(db, inject('databaseUrl'), { budget, minImages: 100 });
  first = (await getMeta<{ jobs: DemoPipelineJobs }>(db, 'demo-pipeline'))!.jobs;
  await enqueueDemoPipelineIfNeeded(db, inject('databaseUrl'), { budget, minImages: 100 });
  worker = await startTestWorker(jobHandlers, testHome());
});
afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
});
let first: DemoPipelineJobs;

describe('the demo pipeline after the first start', () => {
  it('runs pretrain -> linear probes (10%, 100%) and kNN -> evaluate -> embed -> drift -> audit, once', async () => {
    const meta = (await getMeta<{ datasetVersionId: string; jobs: DemoPipelineJobs }>(worker.db, 'demo-pipeline'))!;
    const { jobs, datasetVersionId } = meta;
    expect((await demoVersion(worker.db)).id).toBe(datasetVersionId);
    expect(jobs).toEqual(first);
    expect(await worker.db.job.count({ where: { kind: 'PRETRAIN', createdBy: 'demo-pipeline' } })).toBe(1);

    const all = [jobs.pretrain, ...jobs.finetunes.map((f) => f.job), ...jobs.evaluates, jobs.embed, jobs.drift, jobs.audit];
    for (const id of all) await expectSuccess(worker.db, id, 400_000);

    // Lineage: dataset version -> pretrain job -> backbone -> classifiers -> evaluations / drift report.
    const backbone = (await getModelVersionByJobId(worker.db, { jobId: jobs.pretrain }))!;
    expect(backbone).toMatchObject({ kind: 'BACKBONE', datasetVersionId });
    const classifiers = await Promise.all(jobs.finetunes.map((f) => getModelVersionByJobId(worker.db, { jobId: f.job })));
    for (const [index, classifier] of classifiers.entries()) {
      expect(classifier).toMatchObject({ kind: 'CLASSIFIER', parentId: backbone.id, datasetVersionId });
      expect(classifier!.config).toMatchObject({ method: jobs.finetunes[index].method, labelFraction: jobs.finetunes[index].labelFraction });
      const [evaluation] = await findEvaluations(worker.db, { jobId: jobs.evaluates[index] });
      expect(evaluation).toMatchObject({ modelVersionId: classifier!.id, datasetVersionId, split: 'TEST' });
    }
    // 10% of the labels trains on fewer images than 100%.
    const trained = classifiers.map((c) => (c!.metrics as { trainImages: number }).trainImages);
    expect(trained[0]).toBeLessThan(trained[1]);

    const [drift] = (await findDriftReports(worker.db, { modelVersionId: classifiers[1]!.id })).filter((r) => r.jobId === jobs.drift);
    const windows = drift.windows as { window: string; reference: boolean; n: number; metadata: Record<string, { jensenShannon: number }> }[];
    expect(windows.filter((w) => w.reference)).toHaveLength(3);
    expect(windows.length).toBeGreaterThan(3);
    // The synthetic registry replaces site-b's device in month 8: the device distribution moves away from the
    // reference more after it than before it (small monthly samples make single months noisy).
    const deviceJs = windows.map((w) => w.metadata.device.jensenShannon);
    const mean = (values: number[]) => values.reduce((a, v) => a + v, 0) / values.length;
    expect(mean(deviceJs.slice(7))).toBeGreaterThan(mean(deviceJs.slice(3, 7)) + 0.1);
    const alerts = drift.alerts as { window: string; area: string; feature: string }[];
    expect(alerts.some((a) => a.area === 'metadata' && a.feature === 'device' && windows.findIndex((w) => w.window === a.window) >= 7)).toBe(true);

    const [audit] = (await findDataAudits(worker.db, { datasetVersionId })).filter((a) => a.jobId === jobs.audit);
    const report = audit.report as { images: number; leakage: { patients: unknown[]; lesions: unknown[] }; labelIssues: { checked: number } };
    const items = await findVersionImages(worker.db, { datasetVersionId });
    expect(report.images).toBe(items.length);
    // Splits are patient-grouped: no patient or lesion on two sides.
    expect(report.leakage.patients).toEqual([]);
    expect(report.leakage.lesions).toEqual([]);
    expect(report.labelIssues.checked).toBe(items.filter((i) => i.conceptCode).length);
    expect((await getJobById(worker.db, jobs.audit)).status).toBe('SUCCEEDED');
  });
});
