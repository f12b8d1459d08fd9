import { describe, expect, it } from 'vitest';
import { scoreDriftAlerts, scoreLabelIssues, scoreNearDuplicates } from './score-detectors.js';

describe('answer-key scores', () => {
  it('scores label issues among the images checked', () => {
    expect(scoreLabelIssues(['a', 'b', 'c', 'c'], ['a', 'd', 'z'], ['a', 'b', 'c', 'd'])).toEqual({
      flagged: 3,
      planted: 2,
      truePositives: 1,
      precision: 1 / 3,
      recall: 0.5,
    });
    expect(scoreLabelIssues([], ['a'])).toMatchObject({ precision: null, recall: 0 });
  });

  it('scores near-duplicate pairs in either order', () => {
    expect(
      scoreNearDuplicates(
        [
          ['b', 'a'],
          ['c', 'd'],
        ],
        [
          ['a', 'b'],
          ['e', 'f'],
        ],
      ),
    ).toEqual({ flagged: 2, planted: 2, truePositives: 1, precision: 0.5, recall: 0.5 });
  });

  it('counts false alarms before the change, detection and delay after it, and whether the site is named', () => {
    const monitored = ['2025-04', '2025-05', '2025-06', '2025-09', '2025-10', '2025-11'];
    const alerts = [
      { window: '2025-05', segments: [] },
      { window: '2025-10', segments: ['site-b'] },
      { window: '2025-11', segments: ['site-a'] },
    ];
    expect(scoreDriftAlerts(monitored, alerts, { site: 'site-b', month: '2025-09' })).toEqual({
      stableWindows: 3,
      falseAlarmWindows: 1,
      falseAlarmRate: 1 / 3,
      driftWindows: 3,
      detectedWindows: 2,
      detectionDelay: 1,
      siteNamedWindows: 1,
    });
  });
});
