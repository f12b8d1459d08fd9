import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportVitToOnnx } from '../onnx/export-vit';
import { createRandomVitWeights } from '../onnx/testing/random-vit-weights';
import { referenceVitForward } from '../onnx/testing/reference-vit';
import { createInferenceSession } from './inference-session';
import { preprocessImage } from './preprocess-image';
import { createTempDir, createTestImage, exportTinyModel, servingClassNames, servingConcepts, tinyServingConfig, writeTempModel } from './testing/fixtures';

describe('createInferenceSession', () => {
  it('loads a model file, preprocesses from its metadata and predicts what the reference forward predicts', async () => {
    const { weights, classifier, conceptHead, bytes } = exportTinyModel();
    const modelPath = await writeTempModel(await createTempDir(), bytes);
    const session = await createInferenceSession({ modelPath, maxBatchSize: 4 });
    try {
      expect(session.metadata.classNames).toEqual(servingClassNames);
      expect(session.metadata.concepts).toEqual(servingConcepts);
      const images = await Promise.all([1, 2, 3, 4, 5].map((seed) => createTestImage(seed)));
      const predictions = await session.predict(images);
      expect(predictions).toHaveLength(5);
      for (const [index, prediction] of predictions.entries()) {
        const input = await preprocessImage(images[index], session.metadata.preprocessing);
        const reference = referenceVitForward(tinyServingConfig, weights, input, classifier!.weights);
        prediction.embedding.forEach((value, d) => expect(Math.abs(value - reference.embedding[d])).toBeLessThan(1e-4));
        prediction.probabilities!.forEach((value, c) => expect(Math.abs(value - reference.probabilities![c])).toBeLessThan(1e-5));
        const entropy = -reference.probabilities!.reduce((sum, p) => sum + p * Math.log(p), 0);
        expect(prediction.entropy).toBeCloseTo(entropy, 5);
        const { data: conceptWeight } = conceptHead.weights['label_head.weight'];
        servingConcepts.forEach((_, k) => {
          const logit = reference.embedding.reduce((sum, e, d) => sum + e * conceptWeight[d * servingConcepts.length + k], conceptHead.weights['label_head.bias'].data[k]);
          expect(prediction.conceptScores![k]).toBeCloseTo(1 / (1 + Math.exp(-logit)), 5);
        });
        const best = reference.probabilities!.indexOf(Math.max(...reference.probabilities!));
        expect(prediction.predictedClass?.name).toBe(servingClassNames[best]);
        expect(prediction.explanation?.kind).toBe('attention_rollout');
        expect(prediction.explanation?.gridSize).toBe(4);
        expect(Math.max(...prediction.explanation!.values)).toBe(1);
        expect(Math.min(...prediction.explanation!.values)).toBe(0);
      }
    } finally {
      await session.close();
    }
  });

  it('gives concurrent single-image predict calls the same answers as one batched call', async () => {
    const session = await createInferenceSession({ bytes: exportTinyModel().bytes, maxBatchSize: 8, maxWaitMs: 20 });
    try {
      const images = await Promise.all([1, 2, 3].map((seed) => createTestImage(seed)));
      const together = await session.predict(images);
      const separate = await Promise.all(images.map((image) => session.predict([image])));
      separate.forEach(([prediction], index) => {
        prediction.embedding.forEach((value, d) => expect(value).toBeCloseTo(together[index].embedding[d], 5));
      });
    } finally {
      await session.close();
    }
  });

  it('names the bad image in a batch', async () => {
    const session = await createInferenceSession({ bytes: exportTinyModel().bytes });
    try {
      const good = await createTestImage(1);
      await expect(session.predict([good, Buffer.from('GIF89a-but-not-really')])).rejects.toThrow(/image 1: not a decodable image/);
      await expect(session.runImage(new Float32Array(5))).rejects.toThrow(/expected 16x16x3 = 768/);
    } finally {
      await session.close();
    }
  });

  it('rejects files that are not ONNX, missing or truncated files and ONNX models without DermINO metadata', async () => {
    const dir = await createTempDir();
    const notOnnx = join(dir, 'weights.onnx');
    await writeFile(notOnnx, 'this is a text file, not a protobuf');
    await expect(createInferenceSession({ modelPath: notOnnx })).rejects.toThrow(/weights\.onnx is not an ONNX model/);
    const png = join(dir, 'image.onnx');
    await writeFile(png, await createTestImage(1));
    await expect(createInferenceSession({ modelPath: png })).rejects.toThrow(/image\.onnx is not an ONNX model/);
    await expect(createInferenceSession({ modelPath: join(dir, 'missing.onnx') })).rejects.toThrow(/missing\.onnx: cannot read model file \(ENOENT\)/);
    const complete = exportTinyModel().bytes;
    const cut = join(dir, 'cut.onnx');
    await writeFile(cut, complete.subarray(0, complete.length - 100));
    await expect(createInferenceSession({ modelPath: cut })).rejects.toThrow(/cut\.onnx is not an ONNX model, or is truncated/);
    const foreign = exportVitToOnnx({ config: tinyServingConfig, weights: createRandomVitWeights(tinyServingConfig) });
    const stripped = await import('../onnx/onnx-proto').then(({ onnx }) => {
      const model = onnx.ModelProto.decode(foreign);
      model.metadataProps = [];
      return onnx.ModelProto.encode(model).finish();
    });
    await expect(createInferenceSession({ bytes: stripped })).rejects.toThrow(/has no "dermino.config" metadata/);
  });
});
