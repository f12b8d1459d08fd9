import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa.js';

describe('cohenKappa', () => {
  it('matches the textbook example (p_o 0.7, p_e 0.5 -> 0.4)', () => {
    // 50 items: both yes 20, both no 15, first yes / second no 5, first no / second yes 10.
    const first = [
      ...Array(20).fill('y'),
      ...Array(15).fill('n'),
      ...Array(5).fill('y'),
      ...Array(10).fill('n'),
    ];
    const second = [
      ...Array(20).fill('y'),
      ...Array(15).fill('n'),
      ...Array(5).fill('n'),
      ...Array(10).fill('y'),
    ];
    expect(cohenKappa(first, second)).toBeCloseTo(0.4);
  });
  it('is 1 for full agreement, negative below chance, NaN when undefined', () => {
    expect(cohenKappa(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(1);
    expect(cohenKappa(['a', 'b'], ['b', 'a'])).toBeCloseTo(-1);
    expect(cohenKappa([], [])).toBeNaN();
    expect(cohenKappa(['a', 'a'], ['a', 'a'])).toBeNaN();
    expect(() => cohenKappa(['a'], [])).toThrow(/1 and 0 labels/);
  });
});
