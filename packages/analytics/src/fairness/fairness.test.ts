import { describe, expect, it } from 'vitest';
import { ageBand, ageBands } from './age-groups.js';
import {
  calibrationByGroup,
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  fourFifthsCheck,
} from './binary-fairness.js';
import { disaggregateMetric } from './disaggregate.js';
import {
  addSkinTypeGroupings,
  ddiSkinTypeGroup,
  fitzpatrickTypeLabels,
  parseFitzpatrickType,
} from './skin-type.js';

// Hand-worked, with Fairlearn's definitions.
// group a: y_true 1 1 0 0 0, y_pred 1 0 1 0 0 -> selection 2/5, TPR 1/2, FPR 1/3
// group b: y_true 1 1 1 0 0, y_pred 1 1 1 1 0 -> selection 4/5, TPR 1,   FPR 1/2
const yTrue = [1, 1, 0, 0, 0, 1, 1, 1, 0, 0];
const yPred = [1, 0, 1, 0, 0, 1, 1, 1, 1, 0];
const group = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'];

describe('binary group fairness', () => {
  it('demographic parity difference and ratio, four-fifths rule', () => {
    expect(demographicParityDifference(yPred, group)).toBeCloseTo(0.4, 12);
    expect(demographicParityRatio(yPred, group)).toBeCloseTo(0.5, 12);
    expect(fourFifthsCheck(yPred, group)).toEqual({ ratio: 0.5, passes: false });
    expect(fourFifthsCheck([1, 1, 1, 1, 0, 1, 1, 1, 1, 1], group).passes).toBe(true); // 0.8 / 1
  });

  it('equalized-odds difference is the larger of the TPR gap (0.5) and FPR gap (1/6)', () => {
    const eod = equalizedOddsDifference(yTrue, yPred, group);
    expect(eod.tprDifference).toBeCloseTo(0.5, 12);
    expect(eod.fprDifference).toBeCloseTo(1 / 6, 12);
    expect(eod.value).toBeCloseTo(0.5, 12);
  });

  it('calibration by group, with the minimum-n guard', () => {
    const byGroup = calibrationByGroup([0.9, 0.9, 0.2, 0.2], [1, 0, 0, 0], ['x', 'x', 'y', 'y'], 10, 2);
    expect(byGroup.x.ece).toBeCloseTo(0.4, 12); // |0.5 - 0.9|
    expect(byGroup.y.ece).toBeCloseTo(0.2, 12);
    expect(calibrationByGroup([0.9], [1], ['x'], 10, 2).x.ece).toBeNull();
  });
});

describe('Fairlearn user guide example (docs/user_guide/assessment/common_fairness_metrics.rst)', () => {
  const fairlearnTrue = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
  const fairlearnPred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
  const sf = ['b', 'b', 'a', 'b', 'b', 'c', 'c', 'c', 'a', 'a', 'c', 'a', 'b', 'c', 'c', 'b', 'c', 'c'];

  it('demographic_parity_difference 0.25, demographic_parity_ratio 0.666..., equalized_odds_difference 1.0', () => {
    expect(demographicParityDifference(fairlearnPred, sf)).toBeCloseTo(0.25, 12);
    expect(demographicParityRatio(fairlearnPred, sf)).toBeCloseTo(2 / 3, 12);
    expect(equalizedOddsDifference(fairlearnTrue, fairlearnPred, sf).value).toBeCloseTo(1, 12);
  });
});

describe('disaggregateMetric', () => {
  const accuracy = (idx: Int32Array) => [...idx].filter((i) => yTrue[i] === yPred[i]).length / idx.length;
  const attributes = { group, sex: ['f', 'm', 'f', 'm', 'f', 'm', 'f', 'm', 'f', null] };

  it('breaks a metric down by one attribute and by an intersection, with n and gaps', () => {
    const result = disaggregateMetric({
      metric: accuracy,
      attributes,
      groupBy: ['group', ['group', 'sex']],
      n: 10,
      minGroupSize: 2,
    });
    // a: 3/5 correct, b: 4/5
    expect(result.group.groups.a).toMatchObject({ n: 5, value: 0.6 });
    expect(result.group.groups.b.value).toBeCloseTo(0.8, 12);
    expect(result.group.groups.a.difference_to_overall).toBeCloseTo(0.6 - 0.7, 12);
    expect(result.group.gap.difference).toBeCloseTo(0.2, 12);
    expect(result.group.gap.ratio).toBeCloseTo(0.75, 12);
    expect(result.group.gap.worst_group).toBe('a');
    // "b & (missing)" has one case: below the minimum of 2
    expect(result['group+sex'].groups['b & (missing)'].insufficient).toMatch(/below the minimum/);
    expect(result['group+sex'].groups['b & (missing)'].value).toBeNull();
    expect(Object.keys(result['group+sex'].groups)).toHaveLength(5);
  });

  it('defaults to a minimum group size of 30', () => {
    const result = disaggregateMetric({ metric: accuracy, attributes, groupBy: ['group'], n: 10 });
    expect(result.group.groups.a.value).toBeNull();
    expect(result.group.gap.difference).toBeNull();
  });
});

describe('age bands', () => {
  it('bins ages at 30, 45, 60, 75 by default', () => {
    expect(ageBands([0, 29.5, 30, 44, 45, 60, 74, 75, 90, 'NA', '', null, -3])).toEqual([
      '<30',
      '<30',
      '30-44',
      '30-44',
      '45-59',
      '60-74',
      '60-74',
      '75+',
      '75+',
      null,
      null,
      null,
      null,
    ]);
    expect(ageBand(50, [18, 65])).toBe('18-64');
  });
});

describe('skin type', () => {
  it('reads Fitzpatrick types in common spellings and groups them as DDI does', () => {
    expect(['1', 'II', 'type III', 'FST4', 5, 'vi', 'x', '7', null].map(parseFitzpatrickType)).toEqual([
      1,
      2,
      3,
      4,
      5,
      6,
      null,
      null,
      null,
    ]);
    expect(['I', '2', '3', 'IV', '5', '6'].map(ddiSkinTypeGroup)).toEqual([
      'I-II',
      'I-II',
      'III-IV',
      'III-IV',
      'V-VI',
      'V-VI',
    ]);
    expect(fitzpatrickTypeLabels(['3', 'V'])).toEqual(['III', 'V']);
    const added = addSkinTypeGroupings({ fst: ['1', '5', 'unknown'], sex: ['f', 'm', 'f'] }, 'fst');
    expect(added.groupBy).toEqual(['fst', 'fst_ddi']);
    expect(added.attributes.fst).toEqual(['I', 'V', 'unknown']);
    expect(added.attributes.fst_ddi).toEqual(['I-II', 'V-VI', null]);
  });
});
