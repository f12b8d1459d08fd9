import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  createJob,
  type Db,
  ensureEmbeddingIndex,
  type ModelVersionRecord,
  promoteModelVersion,
  registerModelVersion,
  writeEmbeddings,
} from '@dermino/db';
import {
  createInferenceSession,
  createVit,
  disposeModel,
  exportVitToOnnx,
  getVitWeights,
} from '@dermino/model';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';

export const PREDICT_CLASSES = ['nv', 'mel', 'bcc', 'bkl', 'df'];

/** Seeded uniform values in [-scale, scale] (mulberry32), so every run exports the same classifier head. */
function seededValues(seed: number, size: number, scale: number): Float32Array {
  let state = seed >>> 0;
  return Float32Array.from({ length: size }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * scale;
  });
}

/**
 * A real champion for the predict page, made the way the trainer's finetune job makes one (and as
 * apps/api/test/support/served-model.ts does): a randomly initialised `tiny` ViT with a random head, exported
 * to ONNX by @dermino/model, written under <home>/models/<job>/, registered with its checksum and promoted.
 * Its predictions are meaningless; every part of the serving path is real.
 */
async function registerTinyChampion(db: Db, home: string): Promise<ModelVersionRecord> {
  await tf.setBackend('cpu');
  const vit = createVit('tiny', { seed: 3 });
  const width = vit.config.width;
  const onnx = exportVitToOnnx({
    config: vit.config,
    weights: getVitWeights(vit),
    classifier: {
      classNames: PREDICT_CLASSES,
      weights: {
        'head.weight': {
          shape: [width, PREDICT_CLASSES.length],
          data: seededValues(3, width * PREDICT_CLASSES.length, 0.5),
        },
        'head.bias': { shape: [PREDICT_CLASSES.length], data: seededValues(10, PREDICT_CLASSES.length, 0.1) },
      },
    },
  });
  const config = JSON.parse(JSON.stringify({ vit: vit.config }));
  disposeModel(vit);
  const job = await createJob(db, { kind: 'FINETUNE', payload: { e2e: true } });
  const storageKey = path.posix.join('models', job.id, 'model.onnx');
  fs.mkdirSync(path.join(home, 'models', job.id), { recursive: true });
  fs.writeFileSync(path.join(home, storageKey), onnx);
  const model = await registerModelVersion(db, {
    name: `e2e-tiny-${job.id.slice(0, 8)}`,
    kind: 'CLASSIFIER',
    config,
    classes: PREDICT_CLASSES,
    jobId: job.id,
    artifacts: [
      {
        kind: 'onnx',
        storageKey,
        sha256: createHash('sha256').update(onnx).digest('hex'),
        bytes: onnx.length,
      },
    ],
  });
  return promoteModelVersion(db, { id: model.id, alias: 'champion' });
}

/** The champion, with an embedding of every registry image (from its working copy), indexed for search. */
export async function seedPredictChampion(
  db: Db,
  home: string,
): Promise<{ model: ModelVersionRecord; embedded: number }> {
  const model = await registerTinyChampion(db, home);
  const session = await createInferenceSession({
    modelPath: path.join(home, model.artifacts[0]!.storageKey),
    maxWaitMs: 0,
  });
  const images = await db.image.findMany({
    where: { storageKey: { not: null } },
    select: { id: true, storageKey: true },
  });
  const rows: { imageId: string; vector: number[] }[] = [];
  try {
    for (const image of images) {
      const working = fs.readFileSync(path.join(home, 'images', image.storageKey!, 'working.webp'));
      const [prediction] = await session.predict([working]);
      rows.push({ imageId: image.id, vector: Array.from(prediction!.embedding) });
    }
  } finally {
    await session.close();
  }
  const dim = rows[0]!.vector.length;
  await writeEmbeddings(db, { modelVersionId: model.id, dim, rows });
  await ensureEmbeddingIndex(db, { modelVersionId: model.id, dim });
  return { model, embedded: rows.length };
}
