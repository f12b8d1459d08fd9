import { describe, expect, it } from 'vitest';
import { parseSweepFlags } from './run-finetune-sweep.js';

describe('parseSweepFlags', () => {
  it('defaults to linear, kNN and fine-tuning the last 2 blocks at 1, 10 and 100% of the labels', () => {
    expect(parseSweepFlags({})).toEqual({
      methods: ['linear', 'knn', 'finetune'],
      fractions: [0.01, 0.1, 1],
      trainableBlocks: 2,
      epochs: 5,
      seed: 0,
      resamples: 1000,
    });
  });

  it('reads lists, sorts fractions and drops repeats', () => {
    expect(
      parseSweepFlags({ methods: 'knn, linear,knn', fractions: '1,0.1,0.1', blocks: '4' }),
    ).toMatchObject({ methods: ['knn', 'linear'], fractions: [0.1, 1], trainableBlocks: 4 });
  });

  it('names the flag that is wrong', () => {
    expect(() => parseSweepFlags({ methods: 'linear,svm' })).toThrow(
      '--methods: unknown method "svm"; use linear, knn, finetune',
    );
    expect(() => parseSweepFlags({ fractions: '0.1,0' })).toThrow(
      '--fractions: "0" is not a fraction in (0, 1]',
    );
    expect(() => parseSweepFlags({ fractions: 'half' })).toThrow(
      '--fractions: "half" is not a fraction in (0, 1]',
    );
    expect(() => parseSweepFlags({ blocks: '0' })).toThrow('--blocks must be an integer >= 1, got "0"');
    expect(() => parseSweepFlags({ epochs: '2.5' })).toThrow('--epochs must be an integer >= 1, got "2.5"');
  });
});
