import { describe, expect, it } from 'vitest';
import { chooseProbeImages } from './health-probe.js';

describe('chooseProbeImages', () => {
  it('takes every image when there are few, in id order', () => {
    expect(chooseProbeImages(['c', 'a', 'b'], 5)).toEqual([1, 2, 0]);
  });

  it('takes evenly spaced images in id order, whatever order they come in', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `id-${i}`);
    expect(chooseProbeImages(ids, 4)).toEqual([0, 2, 5, 7]);
    const shuffled = [...ids].reverse();
    expect(chooseProbeImages(shuffled, 4).map((i) => shuffled[i])).toEqual(['id-0', 'id-2', 'id-5', 'id-7']);
  });
});
