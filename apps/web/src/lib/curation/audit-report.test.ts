import { describe, expect, it } from 'vitest';
import { readAuditReport } from './audit-report';

describe('readAuditReport', () => {
  it('reads label issues and duplicate groups of the audit job report', () => {
    const summary = readAuditReport({
      images: 12,
      labelIssues: {
        checked: 10,
        issues: [
          { imageId: 'a', givenLabel: 'nv', suggestedLabel: 'mel', selfConfidence: 0.1, margin: -0.4 },
          { imageId: 'b', givenLabel: 'nv' },
        ],
      },
      duplicates: { exact: [['a', 'c'], ['d']], near: [['e', 'f', 'g']], nearDuplicateThreshold: 0.1 },
    });
    expect(summary).toEqual({
      images: 12,
      labelIssuesChecked: 10,
      labelIssues: [
        { imageId: 'a', givenLabel: 'nv', suggestedLabel: 'mel', selfConfidence: 0.1, margin: -0.4 },
      ],
      exactDuplicates: [['a', 'c']],
      nearDuplicates: [['e', 'f', 'g']],
      nearDuplicateThreshold: 0.1,
    });
  });

  it('gives empty lists for a report without those parts', () => {
    expect(readAuditReport(null)).toMatchObject({
      labelIssues: [],
      exactDuplicates: [],
      nearDuplicates: [],
      images: null,
    });
  });
});
