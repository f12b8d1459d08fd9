import { describe, expect, it } from 'vitest';
import { computeAnswerKey, demoCohortOptions } from './answer-key.js';
import { cohortFeatures } from './testing/cohort-features.js';
import { runDetectors } from './testing/run-detectors.js';

/** The platform's detectors on small seeded cohorts (the demo's recipe at 1,000 images), scored on their answer key. */
describe.each([11, 12])('detectors against the answer key of cohort %i', (seed) => {
  const options = demoCohortOptions(seed, 1000);
  const features = cohortFeatures(options, 48);
  const run = runDetectors(features, { seed });

  it('computes the key from the seed alone: the same cohort gives the same key', () => {
    expect(features.key).toEqual(computeAnswerKey(options));
    expect(features.key.drift).toEqual({ site: 'site-b', month: '2025-09' });
    expect(features.key.wrongLabels.length).toBe(Math.round(500 * 0.03));
  });

  it('drift: at most one false alarm before the change, every month after it alarmed, naming site-b', () => {
    expect(run.driftScore.stableWindows).toBe(5);
    expect(run.driftScore.falseAlarmWindows).toBeLessThanOrEqual(1);
    expect(run.driftScore.detectedWindows).toBe(run.driftScore.driftWindows);
    expect(run.driftScore.siteNamedWindows).toBe(run.driftScore.driftWindows);
    expect(run.driftScore.detectionDelay).toBe(0);
  });

  it('label issues: precision and recall at least 0.5 against the planted wrong labels', () => {
    expect(run.labelScore.precision).toBeGreaterThanOrEqual(0.5);
    expect(run.labelScore.recall).toBeGreaterThanOrEqual(0.5);
  });

  it('near-duplicates: the planted pairs found, little else', () => {
    expect(run.duplicateScore.recall).toBeGreaterThanOrEqual(0.9);
    expect(run.duplicateScore.precision).toBeGreaterThanOrEqual(0.9);
  });
});
