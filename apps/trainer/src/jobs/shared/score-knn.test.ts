import { describe, expect, it } from 'vitest';
import { scoreKnn } from './score-knn.js';

// A fresh test process, as the worker process that runs EVALUATE: nothing has selected a tfjs backend before.
describe('scoreKnn', () => {
  it('selects a backend itself and scores each query by its nearest memory rows', async () => {
    // Two clusters in 2-D: class 0 near (1, 0), class 1 near (0, 1).
    const memory = {
      features: Float32Array.from([1, 0, 0.9, 0.1, 0.95, -0.05, 0, 1, 0.1, 0.9, -0.05, 0.95]),
      labels: Int32Array.from([0, 0, 0, 1, 1, 1]),
    };
    const query = Float32Array.from([0.8, 0.2, 0.2, 0.8]);
    const scores = await scoreKnn(memory, query, 2, 2, 3);
    expect(scores).toHaveLength(4);
    expect(scores[0] + scores[1]).toBeCloseTo(1, 5);
    expect(scores[2] + scores[3]).toBeCloseTo(1, 5);
    expect(scores[0]).toBeGreaterThan(0.5);
    expect(scores[3]).toBeGreaterThan(0.5);
  });
});
