import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  countEmbeddings,
  createDb,
  enqueueJob,
  findEvaluations,
  findImagesWithoutEmbedding,
  findSimilarImages,
  findVersionImages,
  getModelVersionByJobId,
  type JobKind,
  type ModelVersionRecord,
} from '@dermino/db';
import { createInferenceSession } from '@dermino/model';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importBackbone } from '../src/import-backbone/import-backbone.js';
import { registerImportedBackbone } from '../src/import-backbone/register-import.js';
import { jobHandlers } from '../src/jobs/index.js';
import { decodeWeights } from '../src/jobs/shared/weights-file.js';
import { demoVersion, testHome } from './demo-fixture.js';
import { runDermino as dermino } from './run-cli.js';
import { startTestWorker, tempDir } from './support.js';
import { expectSuccess } from './wait-job.js';

// An imported DINOv2-family backbone (patch 14, 2 registers, SwiGLU, served at 224 px) through every job that uses a
// backbone, on the demo registry's images: the fixture is small (width 32, 2 blocks), the pipeline is the real one.
const FIXTURE = fileURLToPath(
  new URL(
    '../../../packages/model/test/fixtures/weights/dinov2-teacher-registers-swiglu.pth',
    import.meta.url,
  ),
);
const home = testHome();
const db = createDb({ url: inject('databaseUrl') });
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let backbone: ModelVersionRecord;
let datasetVersionId: string;

beforeAll(async () => {
  datasetVersionId = (await demoVersion(db)).id;
  const imported = await importBackbone({
    weightsPath: FIXTURE,
    outDir: tempDir('dermino-imported-'),
    heads: 4,
  });
  backbone = await registerImportedBackbone(db, home, imported, {
    name: 'fixture-dermino-base',
    licence: 'CC-BY-NC-ND-4.0',
  });
  worker = await startTestWorker(jobHandlers, home);
});
afterAll(async () => {
  await worker?.stop();
  await db.$disconnect();
});

const send = async (kind: JobKind, payload: unknown) =>
  (await enqueueJob(db, worker.queue, { kind, payload, createdBy: 'test' })).id;
const registered = async (jobId: string) => (await getModelVersionByJobId(db, { jobId }))!;
const onnxOf = (model: ModelVersionRecord) =>
  path.join(home, model.artifacts.find((a) => a.kind === 'onnx')!.storageKey);
const logsOf = async (jobId: string) =>
  (await db.jobLog.findMany({ where: { jobId }, orderBy: { id: 'asc' } })).map((l) => l.message);

describe('an imported backbone at work', () => {
  it('embeds the registry, trains heads from the cached embeddings, fine-tunes its last block, evaluates, predicts and finds similar cases', async () => {
    const images = await findVersionImages(db, { datasetVersionId });
    const embed = await send('EMBED', { model: { modelVersionId: backbone.id }, datasetVersionId });
    await expectSuccess(db, embed);
    expect(await countEmbeddings(db, { modelVersionId: backbone.id })).toBe(images.length);
    expect(
      await findImagesWithoutEmbedding(db, {
        modelVersionId: backbone.id,
        imageIds: images.map((i) => i.imageId),
      }),
    ).toEqual([]);

    const base = { backbone: { modelVersionId: backbone.id }, datasetVersionId };
    const linear = await send('FINETUNE', { ...base, method: 'linear', labelFraction: 0.1 });
    const knn = await send('FINETUNE', { ...base, method: 'knn', labelFraction: 1 });
    const tuned = await send('FINETUNE', {
      ...base,
      method: 'finetune',
      labelFraction: 0.1,
      trainableBlocks: 1,
      epochs: 1,
      batchSize: 8,
    });
    for (const id of [linear, knn, tuned]) await expectSuccess(db, id);
    // Heads trained on what EMBED stored: nothing was embedded again.
    expect((await logsOf(linear)).join('\n')).toMatch(/Embeddings: \d+ from the cache, 0 computed/);
    const classifiers = await Promise.all([linear, knn, tuned].map(registered));
    for (const classifier of classifiers)
      expect(classifier).toMatchObject({ kind: 'CLASSIFIER', parentId: backbone.id });
    expect(classifiers[2].config).toMatchObject({
      method: 'finetune',
      trainableBlocks: 1,
      vit: { imageSize: 224, patchSize: 14, registers: 2, ffn: 'swiglu' },
    });
    // Fine-tuning the last block changed it and left the first one as imported.
    const before = decodeWeights(
      fs.readFileSync(
        path.join(home, backbone.artifacts.find((a) => a.kind === 'backbone-weights')!.storageKey),
      ),
      'imported',
    );
    const after = decodeWeights(
      fs.readFileSync(
        path.join(home, classifiers[2].artifacts.find((a) => a.kind === 'backbone-weights')!.storageKey),
      ),
      'tuned',
    );
    expect(after['blocks.0.attn.qkv.weight'].data).toEqual(before['blocks.0.attn.qkv.weight'].data);
    expect(after['blocks.1.mlp.w12.weight'].data).not.toEqual(before['blocks.1.mlp.w12.weight'].data);

    const evaluations = await Promise.all(
      [linear, knn].map((id) =>
        send('EVALUATE', { model: { fromJob: id }, datasetVersionId, split: 'TEST', resamples: 20 }),
      ),
    );
    for (const id of evaluations) await expectSuccess(db, id);
    for (const classifier of classifiers.slice(0, 2)) {
      const [evaluation] = await findEvaluations(db, { modelVersionId: classifier.id });
      expect(evaluation._count.predictions).toBeGreaterThan(0);
    }

    // Predict (what the API serves): a stored 512 px working copy through the classifier's ONNX at 224 px.
    const image = images.find((i) => i.storageKey)!;
    const bytes = fs.readFileSync(path.join(home, 'images', image.storageKey!, 'working.webp'));
    const session = await createInferenceSession({ modelPath: onnxOf(classifiers[0]) });
    const [prediction] = await session.predict([bytes]);
    await session.close();
    expect(prediction.probabilities!.length).toBe((classifiers[0].classes as string[]).length);
    expect(prediction.probabilities!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(prediction.explanation).toBeDefined();
    // Similar cases: the image's own embedding finds itself first in the backbone's pgvector index.
    const backboneSession = await createInferenceSession({ modelPath: onnxOf(backbone) });
    const [embedded] = await backboneSession.predict([bytes]);
    await backboneSession.close();
    const similar = await findSimilarImages(db, {
      modelVersionId: backbone.id,
      vector: embedded.embedding,
      k: 5,
    });
    expect(similar[0]).toMatchObject({ imageId: image.imageId });
    expect(similar[0].distance).toBeLessThan(1e-5);
    expect(new Set(similar.map((s) => s.imageId)).size).toBe(5);
  });

  it('prints the label-efficiency curve of `train finetune --backbone` without --method (a sweep the worker runs)', async () => {
    const result = await dermino([
      'train',
      'finetune',
      '--backbone',
      backbone.id,
      '--dataset-version',
      datasetVersionId,
      '--methods',
      'linear,knn',
      '--fractions',
      '0.1,1',
      '--resamples',
      '20',
      '--follow',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => /^(linear|knn)\s+\d/.test(line));
    expect(rows.map((row) => row.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'linear 10%',
      'linear 100%',
      'knn 10%',
      'knn 100%',
    ]);
    for (const row of rows) expect(row).toMatch(/0\.\d{3} \[0\.\d{3}, [01]\.\d{3}\]/);
    const bad = await dermino([
      'train',
      'finetune',
      '--backbone',
      backbone.id,
      '--dataset-version',
      datasetVersionId,
      '--fractions',
      '0.1,2',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('dermino: --fractions: "2" is not a fraction in (0, 1]');
  });

  it('continues hybrid pretraining from the imported weights (`train pretrain --from`), keeping its licence and lineage', async () => {
    const result = await dermino([
      'train',
      'pretrain',
      '--from',
      backbone.id,
      '--dataset-version',
      datasetVersionId,
      '--steps',
      '2',
      '--batch-size',
      '4',
      '--checkpoint-every',
      '2',
      '--name',
      'fixture-adapted',
      '--follow',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const job = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
    const adapted = await registered(job.id);
    expect(adapted).toMatchObject({ kind: 'BACKBONE', parentId: backbone.id, licence: 'CC-BY-NC-ND-4.0' });
    expect((adapted.config as { pretrain: { vit: unknown } }).pretrain.vit).toMatchObject({
      imageSize: 224,
      patchSize: 14,
      width: 32,
      registers: 2,
      ffn: 'swiglu',
    });
    const weights = (model: ModelVersionRecord) =>
      decodeWeights(
        fs.readFileSync(
          path.join(home, model.artifacts.find((a) => a.kind === 'backbone-weights')!.storageKey),
        ),
        model.id,
      );
    // Started from the import (the teacher moves slowly by EMA), not from a random init.
    const start = weights(backbone).register_tokens.data;
    const end = weights(adapted).register_tokens.data;
    const drift = Math.max(...end.map((v, i) => Math.abs(v - start[i])));
    expect(drift).toBeGreaterThan(0);
    expect(drift).toBeLessThan(0.1);
  });
});
