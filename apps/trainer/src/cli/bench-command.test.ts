import { describe, expect, it } from 'vitest';
import { cohortSimulationData } from './bench-command.js';

describe('cohortSimulationData', () => {
  const data = cohortSimulationData(200, 3);
  it('holds out whole patients and covers every image once', () => {
    expect(data.pool.length + data.test.length).toBe(200);
    expect(data.pool.filter((i) => data.test.includes(i))).toEqual([]);
    expect(data.test.length).toBeGreaterThan(20);
  });
  it('standardises each feature and labels with the generator truth', () => {
    const n = data.labels.length;
    const mean = Array.from({ length: data.dims }, (_, d) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += data.features[i * data.dims + d];
      return sum / n;
    });
    for (const value of mean) expect(Math.abs(value)).toBeLessThan(1e-9);
    expect(new Set(data.labels).size).toBeGreaterThan(2);
    expect(Math.max(...data.labels)).toBeLessThan(data.classes);
  });
});
