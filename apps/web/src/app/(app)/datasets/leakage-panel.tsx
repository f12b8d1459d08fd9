import type { LeakageReport } from '@/lib/datasets/dataset-types';
import { statusOfLeakage } from '@/lib/datasets/dataset-types';

export function LeakageBadge({ report }: { report: LeakageReport | null }) {
  const status = statusOfLeakage(report);
  const text = { clean: 'No leakage', leaking: 'Leakage', tampered: 'Hash mismatch', unknown: 'Not checked' }[
    status
  ];
  const tone = status === 'clean' ? 'badge--ok' : status === 'unknown' ? '' : 'badge--alert';
  return (
    <span className={`badge ${tone}`} data-testid="leakage-badge" data-status={status}>
      {text}
    </span>
  );
}

/** What the leakage check found: groups on more than one side of the split, and whether the hash still holds. */
export function LeakagePanel({ report, error }: { report: LeakageReport | null; error: string | null }) {
  if (!report) {
    return <p className="notice notice--alert">The leakage check failed: {error ?? 'no answer'}.</p>;
  }
  return (
    <div data-testid="leakage">
      <p>
        <LeakageBadge report={report} />{' '}
        {report.intact
          ? 'The stored items still hash to the content hash.'
          : 'The stored items no longer hash to the content hash: the version was changed after freezing.'}
      </p>
      <p className="muted">
        Lesions across splits: {report.counts.lesion} · patients across splits: {report.counts.patient} ·
        exact duplicates across splits: {report.counts.duplicate}
      </p>
      {report.leaks.length > 0 ? (
        <ul>
          {report.leaks.map((leak) => (
            <li key={`${leak.kind}:${leak.key}`}>
              {leak.kind} <span className="mono">{leak.key}</span> in {leak.splits.join(' and ')} (
              {leak.imageIds.length} images)
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
