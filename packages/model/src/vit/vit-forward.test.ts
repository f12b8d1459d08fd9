import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { createVit, disposeModel, vitWeightShapes } from './create-vit';
import { patchify, vitForward } from './vit-forward';
import { getVitWeights, setVitWeights, type WeightMap } from './weights';

// Reference values from test/reference/vit_reference.py (an independent numpy implementation of CONTRACT.md,
// numpy 2.4, float64), with the same formula weights and input.
const REF_CLS = [
  0.291929, 0.266949, -0.010711, -0.202196, -0.062773, -0.170184, -0.496314, -0.336093, 0.294539, 0.266594,
  -0.008726, -0.199179, -0.064405, -0.170907, -0.497256, -0.340967,
];
const REF_PATCHES = [
  0.430717, 0.249766, 0.09826, 0.149899, 0.132874, -0.174843, -0.421291, -0.184909, 0.050524, 0.293742,
  0.036846, -0.318393, -0.341402, -0.263625, -0.430027, -0.611853, -0.020677, 0.312219, 0.119834, -0.300762,
  -0.409267, -0.295664, -0.369379, -0.559658, 0.071035, 0.342982, 0.51823, 0.24235, -0.208445, -0.337117,
  -0.113574, 0.07912, 0.16544, 0.333098, 0.541898, 0.365772, -0.090637, -0.316376, -0.106818, 0.195904,
  0.437821, 0.250393, 0.11231, 0.172131, 0.143869, -0.17526, -0.413007, -0.159277, 0.3884, 0.249234, 0.040934,
  0.040648, 0.068191, -0.176467, -0.45591, -0.303447, -0.015145, 0.310596, 0.111702, -0.304492, -0.405114,
  -0.292995, -0.375524, -0.567164,
];
const REF_MASKED_CLS_1 = [
  0.293023, 0.266023, -0.011888, -0.19565, -0.059445, -0.170903, -0.495353, -0.341723,
];
const REF_MASKED_PATCH_1_2 = [
  0.129736, 0.359474, 0.412745, -0.26722, -0.407645, -0.252927, -0.342428, 0.08623,
];

const config = { imageSize: 8, patchSize: 4, width: 8, depth: 2, heads: 2, mlpRatio: 2, layerScale: 0.5 };

function formulaWeights(): WeightMap {
  const out: WeightMap = {};
  const model = createVit(config);
  vitWeightShapes(model.config).forEach(([name, shape], k) => {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1)).map(
      (_, i) => 0.3 * Math.sin(0.7 * i + 1.3 * k + 0.5),
    );
    out[name] = { shape, data };
  });
  disposeModel(model);
  return out;
}

function referenceInput(): tf.Tensor4D {
  const values = new Float32Array(2 * 8 * 8 * 3).map((_, i) => Math.sin(0.37 * i) * 1.5);
  return tf.tensor4d(values, [2, 8, 8, 3]);
}

function expectClose(actual: ArrayLike<number>, expected: number[], tolerance = 2e-5): void {
  expect(actual.length).toBe(expected.length);
  const worst = Math.max(...expected.map((v, i) => Math.abs(v - actual[i])));
  expect(worst).toBeLessThan(tolerance);
}

describe('vitForward', () => {
  beforeAll(() => useTestBackend());

  it('matches an independent numpy implementation of the contract', () => {
    const model = createVit(config);
    setVitWeights(model, formulaWeights());
    const x = referenceInput();
    const { cls, patches } = vitForward(model, x);
    expectClose(cls.dataSync(), REF_CLS);
    expectClose(patches.dataSync(), REF_PATCHES);
    tf.dispose([x, cls, patches]);
    disposeModel(model);
  });

  it('replaces masked patches by the mask token before position embeddings', () => {
    const model = createVit(config);
    setVitWeights(model, formulaWeights());
    const x = referenceInput();
    const mask = tf.tensor2d(
      [
        [0, 0, 0, 0],
        [0, 0, 1, 0],
      ],
      [2, 4],
      'bool',
    );
    const { cls, patches } = vitForward(model, x, { mask });
    expectClose(Array.from(cls.dataSync()).slice(8), REF_MASKED_CLS_1);
    expectClose(Array.from(patches.dataSync()).slice(48, 56), REF_MASKED_PATCH_1_2);
    expectClose(Array.from(cls.dataSync()).slice(0, 8), REF_CLS.slice(0, 8));
    tf.dispose([x, mask, cls, patches]);
    disposeModel(model);
  });

  it('orders patch vectors as row-in-patch, col-in-patch, channel with patches row-major', () => {
    const x = tf.tensor4d(
      Array.from({ length: 4 * 4 * 3 }, (_, i) => i),
      [1, 4, 4, 3],
    );
    const patches = patchify(x, 2).arraySync()[0];
    // Patch 1 is the top-right 2x2 block: pixels (0,2), (0,3), (1,2), (1,3).
    const pixel = (r: number, c: number) => [0, 1, 2].map((ch) => (r * 4 + c) * 3 + ch);
    expect(patches[1]).toEqual([...pixel(0, 2), ...pixel(0, 3), ...pixel(1, 2), ...pixel(1, 3)]);
    expect(patches[2]).toEqual([...pixel(2, 0), ...pixel(2, 1), ...pixel(3, 0), ...pixel(3, 1)]);
    tf.dispose(x);
  });

  it('round-trips weights and rejects mismatched ones by name', () => {
    const a = createVit('tiny', { seed: 1 });
    const b = createVit('tiny', { seed: 2 });
    const weights = getVitWeights(a);
    expect(weights['blocks.2.mlp.fc1.weight'].shape).toEqual([64, 128]);
    setVitWeights(b, weights);
    expect(getVitWeights(b).pos_embed.data).toEqual(weights.pos_embed.data);
    const { pos_embed: _dropped, ...partial } = weights;
    expect(() => setVitWeights(b, partial)).toThrow(/missing \[pos_embed\]/);
    const wrong = { ...weights, cls_token: { shape: [5], data: new Float32Array(5) } };
    expect(() => setVitWeights(b, wrong)).toThrow(/cls_token: expected shape \[64\], got \[5\]/);
    disposeModel(a);
    disposeModel(b);
  });

  it('validates the config loudly', () => {
    expect(() => createVit({ ...config, patchSize: 3 })).toThrow(
      /imageSize 8 is not a multiple of patchSize 3/,
    );
    expect(() => createVit({ ...config, heads: 3 })).toThrow(/width 8 is not divisible by heads 3/);
    expect(() => createVit('vit-huge' as never)).toThrow(/Unknown ViT preset "vit-huge"/);
  });

  it('does not leak tensors, runs local crops with resized position embeddings, with drop-path', async () => {
    const { createRng } = await import('../random');
    const model = createVit({ preset: 'tiny', dropPath: 0.2 });
    const before = tf.memory().numTensors;
    const out = tf.tidy(() => {
      const x = tf.randomNormal([2, 16, 16, 3]) as tf.Tensor4D;
      const { cls, patches } = vitForward(model, x, { training: true, rng: createRng(3) });
      return [cls.shape, patches.shape];
    });
    expect(out).toEqual([
      [2, 64],
      [2, 4, 64],
    ]);
    expect(tf.memory().numTensors).toBe(before);
    disposeModel(model);
  });
});
