import Form from 'next/form';
import type { AuditSummary } from '@/lib/curation/audit-report';
import type { ImageSummary } from '@/lib/curation/curation-queries';
import { pluralize } from '@/lib/format';
import styles from './curation.module.css';
import { DuplicateClusters } from './duplicate-clusters';
import { IssueQueue } from './issue-queue';

/** The latest data audit of a version: its label-issue queue and duplicate clusters. */
export function AuditPanel({
  versions,
  selectedVersion,
  heading,
  report,
  summaries,
  concepts,
}: {
  versions: { id: string; label: string }[];
  selectedVersion: string;
  heading: string | null;
  report: AuditSummary | null;
  summaries: Map<string, ImageSummary>;
  concepts: { code: string; name: string }[];
}) {
  return (
    <div className="panel">
      <div className="panel__body">
        <Form action="/curation" className={styles.filters} aria-label="Choose the audited version">
          <div className="field">
            <label htmlFor="audit-version">Dataset version</label>
            <select id="audit-version" name="version" className="select" defaultValue={selectedVersion}>
              <option value="">Latest audit of any version</option>
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {version.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            Show audit
          </button>
        </Form>
        {!report ? (
          <div className="empty-state" data-testid="audit-empty">
            <h3>No data audit yet</h3>
            <p className="muted">
              An AUDIT job checks a frozen version for label issues, duplicates and leakage; queue one on the
              Jobs page.
            </p>
          </div>
        ) : (
          <>
            <p className="muted" data-testid="audit-heading">
              {heading}: {pluralize(report.labelIssues.length, 'label issue')} among{' '}
              {report.labelIssuesChecked ?? 0} labelled images checked.
            </p>
            <h3>Label issues</h3>
            {report.labelIssues.length === 0 ? (
              <p className="muted">No label issues found.</p>
            ) : (
              <IssueQueue issues={report.labelIssues} summaries={summaries} concepts={concepts} />
            )}
            <div className={styles.section}>
              <DuplicateClusters
                title="Exact duplicates"
                kind="exact"
                groups={report.exactDuplicates}
                summaries={summaries}
              />
              <DuplicateClusters
                title="Near duplicates"
                kind="near"
                groups={report.nearDuplicates}
                summaries={summaries}
              />
            </div>
          </>
        )}
      </div>
    </div>
  );
}
