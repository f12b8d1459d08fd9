import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { MICRO_PRETRAIN } from '../../test/micro-config';
import { createRng } from '../random';
import { createPretrainState, disposePretrainState } from '../train/pretrain-state';
import { checkCollapse } from './collapse-check';
import { effectiveRank, singularValues } from './effective-rank';
import { normalisedEmbeddingStd } from './embedding-spread';
import { measureRepresentationHealth, measureRepresentationHealthAsync } from './probe-health';
import { teacherCentreKl, teacherEntropy } from './teacher-distribution';

// Reference values from numpy: test/reference/health_reference.py (output pasted below).
const Z = [
  [0.3, -1.2, 2.0, 0.5],
  [1.1, 0.4, -0.7, 0.2],
  [-0.5, 0.9, 0.1, -1.3],
  [2.2, -0.3, 0.6, 0.8],
  [0.0, 1.5, -1.1, 0.4],
  [-1.4, -0.6, 0.9, 1.7],
];
const P = [
  [0.7, 0.2, 0.1],
  [0.1, 0.1, 0.8],
  [0.3, 0.4, 0.3],
];

function gaussianRows(rows: number, cols: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));
}

describe('representation health measures', () => {
  beforeAll(() => useTestBackend());

  it('match numpy on a 6 x 4 matrix', () => {
    expect(Array.from(singularValues({ data: Float64Array.from(Z.flat()), rows: 6, cols: 4 }))).toEqual(
      [3.5483935377221134, 2.895420473157371, 2.0281967923615487, 0.9601361135419404].map((v) =>
        expect.closeTo(v, 10),
      ),
    );
    expect(effectiveRank(Z)).toBeCloseTo(3.645143956113883, 9);
    expect(normalisedEmbeddingStd(Z)).toBeCloseTo(0.4824218485606053, 12);
    expect(teacherEntropy(P)).toBeCloseTo(0.8432501291795793, 12);
    expect(teacherCentreKl(P)).toBeCloseTo(0.23071062442840032, 12);
    expect(teacherCentreKl(P, [0.5, 0.25, 0.25])).toBeCloseTo(0.28889026573499804, 12);
  });

  it('give hand-computed values on small cases', () => {
    // [[1,2],[3,4]]: A^T A = [[10,14],[14,20]], eigenvalues 15 +- sqrt(221), sigma = 5.46499, 0.36597.
    const sigma = [Math.sqrt(15 + Math.sqrt(221)), Math.sqrt(15 - Math.sqrt(221))];
    const p = sigma.map((s) => s / (sigma[0] + sigma[1]) + 1e-7);
    expect(
      effectiveRank([
        [1, 2],
        [3, 4],
      ]),
    ).toBeCloseTo(Math.exp(-p.reduce((h, q) => h + q * Math.log(q), 0)), 10);
    // +-e1, +-e2 spread evenly over the circle: each coordinate has std 1/sqrt(2).
    expect(
      normalisedEmbeddingStd([
        [1, 0],
        [-1, 0],
        [0, 2],
        [0, -3],
      ]),
    ).toBeCloseTo(Math.SQRT1_2, 12);
    expect(
      teacherEntropy([
        [0.25, 0.25, 0.25, 0.25],
        [0.5, 0.5, 0, 0],
      ]),
    ).toBeCloseTo((Math.log(4) + Math.log(2)) / 2, 12);
    expect(
      teacherCentreKl([
        [1, 0],
        [0, 1],
      ]),
    ).toBeCloseTo(Math.log(2), 12);
  });

  it('a collapsed set of embeddings has std 0 and rank 1 and fails the check', () => {
    // Every image on one ray (scaled copies), the complete collapse.
    const collapsed = Array.from({ length: 64 }, (_, i) =>
      Array.from({ length: 32 }, (_, j) => (1 + i) * Math.cos(j)),
    );
    expect(normalisedEmbeddingStd(collapsed)).toBeLessThan(1e-9);
    // 1 plus the epsilon terms of the 31 zero singular values (31 x 1e-7 x ln 1e7 = 5e-5), as in the paper.
    expect(effectiveRank(collapsed)).toBeCloseTo(1 + 31 * 1e-7 * Math.log(1e7), 5);
    const verdict = checkCollapse({
      embeddingStd: normalisedEmbeddingStd(collapsed),
      effectiveRank: effectiveRank(collapsed),
      width: 32,
      probeImages: 64,
    });
    expect(verdict.collapsed).toBe(true);
    expect(verdict.reasons).toHaveLength(2);
    expect(verdict.reasons[0]).toMatch(/^embedding std [\d.]+e-1\d is below 0\.0177/);
  });

  it('gaussian embeddings are healthy: std near 1/sqrt(D), rank near D', () => {
    const healthy = gaussianRows(256, 32, 7);
    const std = normalisedEmbeddingStd(healthy);
    expect(std * Math.sqrt(32)).toBeGreaterThan(0.95);
    expect(std * Math.sqrt(32)).toBeLessThan(1.01);
    const rank = effectiveRank(healthy);
    expect(rank).toBeGreaterThan(28);
    expect(rank).toBeLessThanOrEqual(32);
    expect(checkCollapse({ embeddingStd: std, effectiveRank: rank, width: 32, probeImages: 256 })).toEqual({
      collapsed: false,
      reasons: [],
      warnings: [],
    });
  });

  it('one direction plus a little noise is collapsed by both checks', () => {
    const rows = gaussianRows(128, 16, 3).map((row) =>
      row.map((v, j) => 10 * (j === 0 ? 1 : 0.5) + 0.05 * v),
    );
    const verdict = checkCollapse({
      embeddingStd: normalisedEmbeddingStd(rows),
      effectiveRank: effectiveRank(rows),
      width: 16,
      probeImages: 128,
    });
    expect(verdict.collapsed).toBe(true);
    expect(verdict.reasons[0]).toMatch(/^embedding std 0\.00\d+ is below 0\.0250/);
    expect(verdict.reasons[1]).toMatch(/^effective rank 1\.\d+ is below 2\.00/);
  });

  it('warns about a teacher whose targets are uniform or one-hot for every image', () => {
    const base = { embeddingStd: 1, effectiveRank: 10, width: 16, probeImages: 64, prototypes: 16 };
    expect(
      checkCollapse({ ...base, teacherEntropy: Math.log(16) * 0.99, teacherCentreKl: 0.01 }).warnings[0],
    ).toMatch(/near uniform/);
    expect(checkCollapse({ ...base, teacherEntropy: 0.01, teacherCentreKl: 0.01 }).warnings[0]).toMatch(
      /one prototype/,
    );
    expect(checkCollapse({ ...base, teacherEntropy: 1.5, teacherCentreKl: 1 }).warnings).toEqual([]);
  });

  it('refuses bad input naming the row', () => {
    expect(() => normalisedEmbeddingStd([[1, 2], [3]])).toThrow(
      'normalisedEmbeddingStd: row 1 has 1 values, row 0 has 2',
    );
    expect(() =>
      effectiveRank([
        [1, 2],
        [Number.NaN, 1],
      ]),
    ).toThrow('effectiveRank: row 1 column 0 is not finite (NaN)');
    expect(() => effectiveRank([[1, 2]])).toThrow('needs at least 2 rows');
    expect(() =>
      teacherEntropy([
        [0.5, 0.5],
        [0.5, 0.6],
      ]),
    ).toThrow('teacherEntropy: row 1 sums to 1.1000, not 1');
    expect(() => teacherCentreKl(P, [0.5, 0.5])).toThrow('the centre has 2 values, the rows 3');
  });

  it('reads tensors as well as arrays, and leaks none', () => {
    const before = tf.memory().numTensors;
    const tensor = tf.tensor2d(Z);
    expect(effectiveRank(tensor)).toBeCloseTo(effectiveRank(Z), 6);
    expect(normalisedEmbeddingStd(tensor)).toBeCloseTo(normalisedEmbeddingStd(Z), 6);
    tensor.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('measures a pretraining state on probe images without leaking, and a zeroed backbone is collapsed', async () => {
    const state = createPretrainState(MICRO_PRETRAIN);
    const images = tf.randomUniform([40, 16, 16, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const health = measureRepresentationHealth(state, images, { batchSize: 16 });
    // The asynchronous read (webgpu) measures the same.
    expect(await measureRepresentationHealthAsync(state, images, { batchSize: 16 })).toEqual(health);
    expect(tf.memory().numTensors).toBe(before);
    expect(health).toMatchObject({ width: 16, prototypes: 16, probeImages: 40 });
    expect(health.teacherEntropy).toBeGreaterThan(0);
    expect(health.teacherEntropy).toBeLessThanOrEqual(Math.log(16) + 1e-9);
    expect(health.teacherCentreKl).toBeGreaterThanOrEqual(0);
    tf.tidy(() => {
      for (const weight of Object.values(state.teacher.backbone.weights)) weight.assign(tf.zerosLike(weight));
    });
    const dead = measureRepresentationHealth(state, images);
    expect(dead.embeddingStd).toBe(0);
    expect(dead.teacherCentreKl).toBeCloseTo(0, 9);
    expect(checkCollapse(dead).collapsed).toBe(true);
    tf.dispose(images);
    disposePretrainState(state);
  });
});
