import { describe, expect, it } from 'vitest';
import {
  exampleMonths,
  pickExampleMonth,
  readExamples,
  readSkinTypePerformance,
  referenceExamples,
} from './drift-extras';
import { readWindows } from './drift-report';

const examples = (month: string, ids: string[]) => ({
  chosenBy: 'seeded-sample',
  images: ids.map((id) => ({ imageId: id, capturedOn: `${month}-0${id.length}`, reason: null })),
});
const group = (name: string, n: number) => ({
  group: name,
  n,
  estimatedAccuracy: 0.8,
  labelled: 0,
  realisedAccuracy: null,
  belowMinimum: n < 30,
});

const windows = readWindows([
  { window: '2026-01', reference: true, examples: examples('2026-01', ['a1', 'a22', 'a333']) },
  { window: '2026-02', reference: true, examples: examples('2026-02', ['b1', 'b22', 'b333', 'b4444']) },
  { window: '2026-03', examples: examples('2026-03', ['c1']) },
  { window: '2026-04', examples: { images: 'junk' } },
  {
    window: '2026-05',
    examples: examples('2026-05', ['e1']),
    performanceBySkinType: {
      minGroupSize: 30,
      overall: group('all', 40),
      ddi: [group('I-II', 12), { nope: 1 }],
      types: [],
    },
  },
]);

describe('drift examples and performance by skin type', () => {
  it('spreads the reference examples over the reference months, in capture order', () => {
    expect(referenceExamples(windows, 5).map((e) => e.imageId)).toEqual(['a1', 'a22', 'a333', 'b1', 'b22']);
    expect(referenceExamples(windows).map((e) => e.window)).toEqual([
      '2026-01',
      '2026-01',
      '2026-01',
      '2026-02',
      '2026-02',
      '2026-02',
    ]);
  });

  it('picks the asked month if it has examples, else the latest alerted one', () => {
    const alerts = [
      {
        window: '2026-03',
        area: 'metadata',
        feature: 'device',
        statistic: 'psi',
        value: 1,
        threshold: 't',
      } as const,
    ];
    expect(exampleMonths(windows, alerts)).toEqual({ months: ['2026-03', '2026-05'], alerted: ['2026-03'] });
    expect(pickExampleMonth(windows, alerts, '2026-05')).toBe('2026-05');
    expect(pickExampleMonth(windows, alerts, '2026-04')).toBe('2026-03');
    expect(pickExampleMonth(windows, [], undefined)).toBe('2026-05');
    expect(readExamples(windows[3]!).images).toEqual([]);
  });

  it('reads the skin-type performance, dropping malformed groups; older reports have none', () => {
    expect(readSkinTypePerformance(windows[4]!)?.ddi.map((g) => g.group)).toEqual(['I-II']);
    expect(readSkinTypePerformance(windows[0]!)).toBeNull();
  });
});
