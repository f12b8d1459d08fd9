import { measureImageQuality } from '@dermino/analytics';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCohort } from './cohort.js';
import { renderImage } from './render/render-image.js';
import { median } from './test-helpers.js';
import type { HospitalSite } from './types.js';

/** What a drift monitor would do: quality statistics per site, before vs after the change date. */
function qualityByPeriod(seed: number) {
  const cohort = generateCohort({ seed, imageCount: 900 });
  const changeAt = Date.parse('2025-09-01T00:00:00Z');
  const groups = new Map<string, { blurVariance: number[]; colorCast: number[] }>();
  for (const image of cohort.images) {
    const key = `${image.hospitalSite}:${Date.parse(image.capturedAt) >= changeAt ? 'after' : 'before'}`;
    const quality = measureImageQuality(renderImage(image, { size: 64 }));
    const group = groups.get(key) ?? { blurVariance: [], colorCast: [] };
    group.blurVariance.push(quality.blurVariance);
    group.colorCast.push(quality.colorCast);
    groups.set(key, group);
  }
  const ratio = (site: HospitalSite, statistic: 'blurVariance' | 'colorCast') =>
    median(groups.get(`${site}:after`)![statistic]) / median(groups.get(`${site}:before`)![statistic]);
  return { ratio, groups };
}

describe('device drift', () => {
  let ratio: ReturnType<typeof qualityByPeriod>['ratio'];
  let groups: ReturnType<typeof qualityByPeriod>['groups'];
  beforeAll(() => {
    ({ ratio, groups } = qualityByPeriod(31));
  });

  it('has enough images on both sides of the change at every site', () => {
    for (const [key, group] of groups) expect(group.blurVariance.length, key).toBeGreaterThan(40);
  });

  it('shows the device change at site-b as a drop in Laplacian variance and a rise in colour cast', () => {
    // Over seeds 31-36 the after/before medians are 0.09-0.17 (blur) and 1.29-1.59 (cast) here.
    expect(ratio('site-b', 'blurVariance')).toBeLessThan(0.3);
    expect(ratio('site-b', 'colorCast')).toBeGreaterThan(1.25);
  });

  it('shows no such change at the sites that kept their device', () => {
    // Patient mix alone moves these by up to ~0.35 (blur) and ~0.18 (cast) over seeds 31-36.
    for (const site of ['site-a', 'site-c'] as const) {
      expect(ratio(site, 'blurVariance'), site).toBeGreaterThan(0.6);
      expect(ratio(site, 'blurVariance'), site).toBeLessThan(1.5);
      expect(Math.abs(ratio(site, 'colorCast') - 1), site).toBeLessThan(0.2);
    }
  });
});
