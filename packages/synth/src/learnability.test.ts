import { describe, expect, it } from 'vitest';
import { SYNTH_CLASS_CODES } from './classes.js';
import { generateCohort } from './cohort.js';
import { type LabelledSample, renderSamples } from './samples.js';

/**
 * Colour histogram relative to the skin at the frame's edge: a deliberately simple feature, so the test
 * shows the classes are visible in the pixels, not that a clever model can find them.
 */
function skinRelativeHistogram(sample: LabelledSample): Float32Array {
  const { width, data } = sample;
  const skin = [0, 0, 0];
  let edgeCount = 0;
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      if (x >= 3 && y >= 3 && x < width - 3 && y < width - 3) continue;
      for (let channel = 0; channel < 3; channel++) skin[channel] += data[(y * width + x) * 3 + channel];
      edgeCount++;
    }
  }
  const histogram = new Float32Array(64);
  for (let pixel = 0; pixel < width * width; pixel++) {
    const bins = [0, 1, 2].map((channel) =>
      Math.min(3, Math.floor((data[pixel * 3 + channel] / (skin[channel] / edgeCount + 1)) * 2)),
    );
    histogram[bins[0] * 16 + bins[1] * 4 + bins[2]] += 1 / (width * width);
  }
  return histogram;
}

function predictKnn(
  train: { features: Float32Array; classIndex: number }[],
  query: Float32Array,
  k: number,
): number {
  const nearest = train
    .map((item) => ({
      classIndex: item.classIndex,
      distance: item.features.reduce((sum, value, index) => sum + (value - query[index]) ** 2, 0),
    }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, k);
  const votes = new Array(SYNTH_CLASS_CODES.length).fill(0);
  for (const item of nearest) votes[item.classIndex]++;
  return votes.indexOf(Math.max(...votes));
}

describe('learnability', () => {
  it('lets a 5-NN on 32 px colour histograms beat the majority-class baseline by a wide margin', () => {
    const cohort = generateCohort({ seed: 41, imageCount: 1000 });
    const samples = renderSamples(cohort.images, 32).map((sample) => ({
      ...sample,
      features: skinRelativeHistogram(sample),
    }));
    const train = samples.slice(0, 700);
    const test = samples.slice(700);
    const correct = test.filter(
      (sample) => predictKnn(train, sample.features, 5) === sample.classIndex,
    ).length;
    const majorityShare =
      Math.max(...SYNTH_CLASS_CODES.map((_, index) => test.filter((s) => s.classIndex === index).length)) /
      test.length;
    expect(correct / test.length).toBeGreaterThan(majorityShare + 0.15);
  });

  it('returns pixels and the true class index for each image', () => {
    const cohort = generateCohort({ seed: 41, imageCount: 20 });
    const [sample] = renderSamples(cohort.images.slice(0, 1), 24);
    expect(sample).toMatchObject({ imageId: cohort.images[0].id, width: 24, height: 24 });
    expect(sample.data).toHaveLength(24 * 24 * 3);
    expect(SYNTH_CLASS_CODES[sample.classIndex]).toBe(cohort.images[0].diagnosis);
  });
});
