import { describe, expect, it } from 'vitest';
import type { DriftAlert } from './calibrated-alerts.js';
import { chooseWindowExamples, type ExampleRows } from './window-examples.js';

// 20 reference images on two dermatoscopes, then a month of 10 where 4 come from a new phone and 2 are far out
// in embedding space (but on an old device).
function fixture(): ExampleRows {
  const n = 30;
  const device = Array.from({ length: n }, (_, i) => (i >= 20 && i % 2 === 1 && i < 28 ? 'phone-x' : i % 3 === 0 ? 'heine' : 'dermlite'));
  const embeddings = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) embeddings.set([Math.sin(i), Math.cos(i)], i * 2);
  embeddings.set([9, 9], 20 * 2);
  embeddings.set([8, -8], 22 * 2);
  return {
    imageId: Array.from({ length: n }, (_, i) => `img-${i}`),
    capturedOn: Array.from({ length: n }, (_, i) => (i < 20 ? '2026-01-15' : '2026-06-15')),
    metadata: { device },
    quality: { brightness: Array.from({ length: n }, (_, i) => (i === 24 ? 0.99 : 0.5 + (i % 5) * 0.01)) },
    embeddings,
    dims: 2,
  };
}

const reference = Array.from({ length: 20 }, (_, i) => i);
const current = Array.from({ length: 10 }, (_, i) => 20 + i);
const alert = (area: DriftAlert['area'], feature: string): DriftAlert => ({ window: '2026-06', area, feature, statistic: 's', value: 1, threshold: 't', z: 4, segment: null });

describe('example images of a window', () => {
  it('a device alert shows the new device first, then the images furthest from the reference embedding', () => {
    const examples = chooseWindowExamples(fixture(), reference, current, [alert('metadata', 'device')], { seed: 0 });
    expect(examples.chosenBy).toBe('furthest-from-reference');
    expect(examples.images.map((e) => e.imageId)).toEqual(['img-20', 'img-21', 'img-22', 'img-23', 'img-25', 'img-27']);
    expect(examples.images[1]).toMatchObject({ capturedOn: '2026-06-15' });
    expect(examples.images[1].reason).toContain('device phone-x: 40% of the month, 0% of the reference');
  });

  it('an embedding alert picks by distance; a quality alert by the alerted statistic', () => {
    const byEmbedding = chooseWindowExamples(fixture(), reference, current, [alert('embeddings', 'embedding')], { seed: 0, count: 2 });
    expect(byEmbedding.images.map((e) => e.imageId)).toEqual(['img-20', 'img-22']);
    const byQuality = chooseWindowExamples(fixture(), reference, current, [alert('quality', 'brightness')], { seed: 0, count: 1 });
    expect(byQuality.images[0]).toMatchObject({ imageId: 'img-24' });
    expect(byQuality.images[0].reason).toMatch(/^brightness \d+\.\d sd from the reference/);
  });

  it('a window without alerts gets a seeded sample: the same for one seed, a different one for another', () => {
    const one = chooseWindowExamples(fixture(), reference, reference, [], { seed: 3 });
    expect(one.chosenBy).toBe('seeded-sample');
    expect(one.images).toHaveLength(6);
    expect(new Set(one.images.map((e) => e.imageId)).size).toBe(6);
    expect(chooseWindowExamples(fixture(), reference, reference, [], { seed: 3 })).toEqual(one);
    expect(chooseWindowExamples(fixture(), reference, reference, [], { seed: 4 }).images).not.toEqual(one.images);
    expect(chooseWindowExamples(fixture(), reference, [0, 1], [], { seed: 3 }).images).toHaveLength(2);
  });
});
