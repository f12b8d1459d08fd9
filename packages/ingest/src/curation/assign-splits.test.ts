import { describe, expect, it } from 'vitest';
import { assignSplits, parseSplitRatios, type SplitItem } from './assign-splits.js';
import { findLeakage } from './find-leakage.js';

function cohort(): SplitItem[] {
  const items: SplitItem[] = [];
  for (let lesion = 0; lesion < 600; lesion++) {
    const label = lesion % 10 < 6 ? 'nv' : lesion % 10 < 9 ? 'mel' : 'df';
    for (let image = 0; image < 1 + (lesion % 3); image++)
      items.push({ id: `${lesion}-${image}`, group: `L${lesion}`, stratum: label });
  }
  return items;
}

describe('assignSplits', () => {
  const ratios = parseSplitRatios('70/15/15');

  it('never puts one group on two sides and keeps class shares close to the whole', () => {
    const items = cohort();
    const splits = assignSplits(items, { ratios, seed: 1 });
    const leakage = findLeakage(
      items.map((item) => ({
        imageId: item.id,
        split: splits.get(item.id)!,
        caseId: item.group,
        patientId: item.group,
        sha256: null,
      })),
    );
    expect(leakage.counts.lesion).toBe(0);
    for (const label of ['nv', 'mel', 'df']) {
      const ofLabel = items.filter((item) => item.stratum === label);
      const inTrain = ofLabel.filter((item) => splits.get(item.id) === 'TRAIN').length;
      expect(Math.abs(inTrain / ofLabel.length - 0.7)).toBeLessThan(0.03);
    }
  });

  it('keeps exact duplicates of different groups together', () => {
    const items = cohort();
    items.push(
      { id: 'copy', group: 'L-new', stratum: 'nv', sha256: 'same' },
      { id: 'orig', group: 'L0', stratum: 'nv', sha256: 'same' },
    );
    const splits = assignSplits(items, { ratios, seed: 3 });
    expect(splits.get('copy')).toBe(splits.get('orig'));
    expect(splits.get('orig')).toBe(splits.get('0-0'));
  });

  it('is the same for the same seed and different for another', () => {
    const items = cohort();
    const a = [...assignSplits(items, { ratios, seed: 1 }).entries()];
    expect([...assignSplits(items, { ratios, seed: 1 }).entries()]).toEqual(a);
    expect([...assignSplits(items, { ratios, seed: 2 }).entries()]).not.toEqual(a);
  });
});

describe('parseSplitRatios', () => {
  it('reads percentages, fractions and two-way splits', () => {
    expect(parseSplitRatios('70/15/15')).toEqual({ TRAIN: 0.7, VAL: 0.15, TEST: 0.15 });
    expect(parseSplitRatios('0.8/0.2')).toEqual({ TRAIN: 0.8, VAL: 0.2, TEST: 0 });
  });

  it.each(['70', '70/x/15', '-1/50/51', '0/50/50', '1/1/1/1'])('refuses %s', (text) => {
    expect(() => parseSplitRatios(text)).toThrow(/--split/);
  });
});
