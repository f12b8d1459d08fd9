import Link from 'next/link';
import { DataTable } from '@/components/charts/data-table';
import type { LabelIssue } from '@/lib/curation/audit-report';
import type { ImageSummary } from '@/lib/curation/curation-queries';
import { formatNumber } from '@/lib/format';
import { IssueActions } from './issue-actions';

const COLUMNS = [
  { key: 'image', label: 'Image' },
  { key: 'given', label: 'Given label' },
  { key: 'current', label: 'Label now' },
  { key: 'suggested', label: 'Suggested' },
  { key: 'selfConfidence', label: 'Self-confidence', numeric: true },
  { key: 'margin', label: 'Margin', numeric: true },
  { key: 'actions', label: 'Action' },
];

/** The audit's label issues, least self-confident first as the audit orders them, with accept / relabel. */
export function IssueQueue({
  issues,
  summaries,
  concepts,
}: {
  issues: LabelIssue[];
  summaries: Map<string, ImageSummary>;
  concepts: { code: string; name: string }[];
}) {
  const rows = issues.map((issue) => {
    const summary = summaries.get(issue.imageId);
    return {
      id: issue.imageId,
      testId: 'label-issue',
      cells: {
        image: {
          value: issue.imageId,
          display: (
            <Link href={summary ? `/cases/${summary.caseId}` : '#'} title={issue.imageId}>
              {/* biome-ignore lint/performance/noImgElement: the /media proxy serves a 160 px webp */}
              <img
                src={`/media/${issue.imageId}/thumb`}
                alt={`Lesion ${issue.imageId.slice(0, 8)}, labelled ${issue.givenLabel}`}
                width={64}
                height={64}
                loading="lazy"
              />
            </Link>
          ),
        },
        given: { value: issue.givenLabel },
        current: {
          value: summary?.diagnosis ?? null,
          display: <span data-testid="issue-current-label">{summary?.diagnosis ?? 'unlabelled'}</span>,
        },
        suggested: { value: issue.suggestedLabel },
        selfConfidence: { value: issue.selfConfidence, display: formatNumber(issue.selfConfidence, 3) },
        margin: { value: issue.margin, display: formatNumber(issue.margin, 3) },
        actions: {
          value: null,
          display: (
            <IssueActions imageId={issue.imageId} suggested={issue.suggestedLabel} concepts={concepts} />
          ),
        },
      },
    };
  });
  return (
    <DataTable
      caption="Label issues"
      columns={COLUMNS}
      rows={rows}
      exportName="label-issues"
      testId="label-issues"
    />
  );
}
