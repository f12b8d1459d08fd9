import * as tf from '@tensorflow/tfjs-core';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { VIT_PRESETS, type VitPresetName } from '../vit/config';
import { createVit, disposeModel, type VitModel } from '../vit/create-vit';
import { vitForward } from '../vit/vit-forward';
import { getVitWeights, setVitWeights } from '../vit/weights';
import { exportVitToOnnx } from './export-vit';
import { createRandomImages, createRandomVitWeights } from './testing/random-vit-weights';
import type { NamedWeights } from './vit-export-types';

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
};

// vit-b16 runs at batch 1 to keep the suite quick on two shared cores; the others at batch 2.
const cases: Array<[VitPresetName, number]> = [['tiny', 2], ['vit-s16', 2], ['vit-b16', 1]];

let variableId = 0;

/**
 * tiny and vit-s16 go through createVit + setVitWeights, which also checks that the contract's weight set is the
 * model's. For vit-b16 the model is built straight from the weights: createVit's 86M-value initialisation would
 * cost the suite ~20 s on two shared cores and be overwritten anyway.
 */
function buildModel(preset: VitPresetName, weights: NamedWeights): VitModel {
  if (preset !== 'vit-b16') {
    const model = createVit(preset);
    setVitWeights(model, weights);
    return model;
  }
  variableId += 1;
  const variables = Object.fromEntries(
    Object.entries(weights).map(([name, { shape, data }]) => [name, tf.tidy(() => tf.variable(tf.tensor(data, shape), false, `parity_${variableId}/${name}`))]),
  );
  return { config: VIT_PRESETS[preset], weights: variables };
}

describe('tfjs and the exported ONNX model agree', () => {
  beforeAll(() => useTestBackend('wasm'));

  it.each(cases)('%s: max |embedding difference| < 1e-4 at batch %i', async (preset, batch) => {
    const config = VIT_PRESETS[preset];
    // The preset init (std 0.02, LayerScale 1e-5) barely moves the tokens; stronger random weights test more.
    const model = buildModel(preset, createRandomVitWeights(config, 5));
    const images = createRandomImages(batch, config.imageSize, 9);
    const x = tf.tensor4d(images, [batch, config.imageSize, config.imageSize, 3]);
    const { cls, patches } = vitForward(model, x);
    const tfjsEmbedding = cls.dataSync().slice();
    const tfjsPatches = patches.dataSync().slice();
    tf.dispose([x, cls, patches]);
    const bytes = exportVitToOnnx({ config, weights: getVitWeights(model), outputs: ['embedding', 'patch_tokens'] });
    disposeModel(model);

    const session = await ort.InferenceSession.create(bytes, { logSeverityLevel: 3 });
    const out = await session.run({ input: new ort.Tensor('float32', images, [batch, config.imageSize, config.imageSize, 3]) });
    await session.release();
    const embeddingDiff = maxAbsDiff(out.embedding.data as Float32Array, tfjsEmbedding);
    expect(embeddingDiff).toBeLessThan(1e-4);
    expect(maxAbsDiff(out.patch_tokens.data as Float32Array, tfjsPatches)).toBeLessThan(1e-3);
    // The images differ, so must their embeddings (otherwise agreement would prove little).
    if (batch > 1) expect(maxAbsDiff(tfjsEmbedding.subarray(0, config.width), tfjsEmbedding.subarray(config.width))).toBeGreaterThan(0.05);
  });
});
