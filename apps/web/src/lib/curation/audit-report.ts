// The data audit's report (apps/trainer's audit job) arrives as JSON: read only what the page shows, defensively,
// so an older or partial report still renders what it has.

export interface LabelIssue {
  imageId: string;
  givenLabel: string;
  suggestedLabel: string;
  selfConfidence: number | null;
  margin: number | null;
}

export interface AuditSummary {
  images: number | null;
  labelIssuesChecked: number | null;
  labelIssues: LabelIssue[];
  exactDuplicates: string[][];
  nearDuplicates: string[][];
  nearDuplicateThreshold: number | null;
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const groups = (value: unknown): string[][] =>
  list(value)
    .map((group) => list(group).filter((id): id is string => typeof id === 'string'))
    .filter((group) => group.length > 1);

export function readAuditReport(report: unknown): AuditSummary {
  const root = record(report);
  const labels = record(root.labelIssues);
  const duplicates = record(root.duplicates);
  const labelIssues = list(labels.issues).flatMap((raw): LabelIssue[] => {
    const issue = record(raw);
    if (
      typeof issue.imageId !== 'string' ||
      typeof issue.givenLabel !== 'string' ||
      typeof issue.suggestedLabel !== 'string'
    )
      return [];
    return [
      {
        imageId: issue.imageId,
        givenLabel: issue.givenLabel,
        suggestedLabel: issue.suggestedLabel,
        selfConfidence: num(issue.selfConfidence),
        margin: num(issue.margin),
      },
    ];
  });
  return {
    images: num(root.images),
    labelIssuesChecked: num(labels.checked),
    labelIssues,
    exactDuplicates: groups(duplicates.exact),
    nearDuplicates: groups(duplicates.near),
    nearDuplicateThreshold: num(duplicates.nearDuplicateThreshold),
  };
}
