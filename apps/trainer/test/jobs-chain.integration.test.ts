import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildEvaluationReport } from '@dermino/analytics';
import {
  countEmbeddings,
  enqueueJob,
  findEmbeddings,
  findEvaluations,
  findPredictions,
  findSimilarImages,
  findVersionImages,
  getModelVersionByJobId,
  type JobRow,
  listConcepts,
} from '@dermino/db';
import { createInferenceSession } from '@dermino/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeTable } from '../src/jobs/evaluate/evaluate-job.js';
import { jobHandlers } from '../src/jobs/index.js';
import { demoVersion, MICRO_CONFIG, testHome } from './demo-fixture.js';
import { startTestWorker } from './support.js';
import { expectSuccess } from './wait-job.js';

let worker: Awaited<ReturnType<typeof startTestWorker>>;
let datasetVersionId: string;
const home = testHome();
const rounded = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v)));
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  worker = await startTestWorker(jobHandlers, home);
  datasetVersionId = (await demoVersion(worker.db)).id;
});
afterAll(() => worker.stop());

const succeed = (job: JobRow) => expectSuccess(worker.db, job.id);

describe('pretrain -> finetune -> evaluate -> embed through the queue', () => {
  let pretrainJobId: string;

  it('pretrains, checkpoints and registers a backbone with checksummed artifacts and a loadable ONNX model', async () => {
    const job = await enqueueJob(worker.db, worker.queue, {
      kind: 'PRETRAIN',
      payload: { datasetVersionId, config: MICRO_CONFIG, steps: 6, batchSize: 8, checkpointEvery: 2, name: 'test-backbone' },
    });
    pretrainJobId = job.id;
    const finished = await succeed(job);
    expect(finished).toMatchObject({ step: 6, total: 6 });
    const model = (await getModelVersionByJobId(worker.db, { jobId: job.id }))!;
    expect(model).toMatchObject({ kind: 'BACKBONE', datasetVersionId, parentId: null, name: 'test-backbone' });
    expect((model.metrics as { curve: unknown[] }).curve).toHaveLength(6);
    expect(model.artifacts.map((a) => a.kind).sort()).toEqual(['backbone-weights', 'checkpoint-manifest', 'checkpoint-tensors', 'onnx']);
    for (const artifact of model.artifacts) {
      const file = path.join(home, artifact.storageKey);
      expect(sha256(file)).toBe(artifact.sha256);
      expect(fs.statSync(file).size).toBe(artifact.bytes);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(home, model.artifacts.find((a) => a.kind === 'checkpoint-manifest')!.storageKey), 'utf8'));
    expect(manifest.step).toBe(6);
    const session = await createInferenceSession({ modelPath: path.join(home, model.artifacts.find((a) => a.kind === 'onnx')!.storageKey) });
    const [prediction] = await session.predict([fs.readFileSync(path.join(home, 'images', (await findVersionImages(worker.db, { datasetVersionId }))[0].storageKey!, 'working.webp'))]);
    expect(prediction.embedding).toHaveLength(16);
    expect(prediction.conceptScores?.length).toBe(manifest.concepts.length);
    await session.close();
  });

  it('fits a linear probe and a kNN classifier on the backbone, evaluates them, and the report matches analytics', async () => {
    const finetunes = [];
    for (const method of ['linear', 'knn'] as const) {
      finetunes.push(await enqueueJob(worker.db, worker.queue, { kind: 'FINETUNE', payload: { backbone: { fromJob: pretrainJobId }, datasetVersionId, method, labelFraction: 1 } }));
    }
    for (const job of finetunes) await succeed(job);
    const evaluates = [];
    for (const finetune of finetunes) {
      evaluates.push(await enqueueJob(worker.db, worker.queue, { kind: 'EVALUATE', payload: { model: { fromJob: finetune.id }, datasetVersionId, resamples: 50 } }));
    }
    for (const job of evaluates) await succeed(job);
    const backbone = (await getModelVersionByJobId(worker.db, { jobId: pretrainJobId }))!;
    const concepts = await listConcepts(worker.db);
    for (const [index, finetune] of finetunes.entries()) {
      const classifier = (await getModelVersionByJobId(worker.db, { jobId: finetune.id }))!;
      expect(classifier).toMatchObject({ kind: 'CLASSIFIER', parentId: backbone.id, datasetVersionId });
      const [evaluation] = await findEvaluations(worker.db, { jobId: evaluates[index].id });
      expect(evaluation).toMatchObject({ modelVersionId: classifier.id, split: 'TEST' });
      const predictions = await findPredictions(worker.db, { evaluationId: evaluation.id });
      const test = await findVersionImages(worker.db, { datasetVersionId, splits: ['TEST'], labelledOnly: true });
      expect(predictions).toHaveLength(test.length);
      const classes = classifier.classes as string[];
      const byId = new Map(test.map((image) => [image.imageId, image]));
      const images = predictions.map((p) => byId.get(p.imageId)!);
      for (const [row, p] of predictions.entries()) expect(p.label).toBe(classes.indexOf(images[row].conceptCode!));
      const malignant = new Set(concepts.filter((c) => c.malignant).map((c) => c.code));
      const expected = buildEvaluationReport(
        {
          probabilities: Float64Array.from(predictions.flatMap((p) => p.probabilities)),
          numClasses: classes.length,
          labels: Int32Array.from(predictions, (p) => p.label!),
          classNames: classes,
          malignantClasses: classes.flatMap((code, c) => (malignant.has(code) ? [c] : [])),
          attributes: attributeTable(images),
          groupBy: ['sex', 'skin_type', 'age_band', 'site', 'device', 'source'],
        },
        { resamples: 50, seed: 0, minGroupSize: 30 },
      );
      // Stored probabilities come back through Postgres float8 text, which may round the last bit.
      expect(rounded(evaluation.report)).toEqual(rounded(expected));
    }
  });

  it('embeds every image once into pgvector, searchable through the HNSW index, and a second run adds nothing', async () => {
    const first = await enqueueJob(worker.db, worker.queue, { kind: 'EMBED', payload: { model: { fromJob: pretrainJobId }, batchSize: 64 } });
    await succeed(first);
    const backbone = (await getModelVersionByJobId(worker.db, { jobId: pretrainJobId }))!;
    const images = await worker.db.image.count({ where: { storageKey: { not: null } } });
    expect(await countEmbeddings(worker.db, { modelVersionId: backbone.id })).toBe(images);
    const second = await enqueueJob(worker.db, worker.queue, { kind: 'EMBED', payload: { model: { modelVersionId: backbone.id } } });
    await succeed(second);
    expect(await countEmbeddings(worker.db, { modelVersionId: backbone.id })).toBe(images);
    const indexes = await worker.db.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE tablename = 'Embedding' AND indexdef LIKE '%hnsw%'`;
    expect(indexes.some((i) => i.indexdef.includes(backbone.id))).toBe(true);
    const [some] = await findEmbeddings(worker.db, { modelVersionId: backbone.id, imageIds: [(await worker.db.image.findFirstOrThrow()).id] });
    const similar = await findSimilarImages(worker.db, { modelVersionId: backbone.id, vector: some.vector, k: 3 });
    expect(similar[0]).toMatchObject({ imageId: some.imageId });
    expect(similar[0].distance).toBeCloseTo(0, 5);
  });
});
