import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/charts/dashboard.module.css';
import { type Column, DataTable, type Row } from '@/components/charts/data-table';
import { JobProgressBar } from '@/components/charts/job-progress-bar';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { formatDateTime, formatEnum } from '@/lib/format';
import { formatDuration, formatRate, progressFraction } from '@/lib/jobs/job-progress';
import { isActive, jobsQuery } from '@/lib/jobs/job-queries';
import { rolesFor } from '../nav-items';
import { AutoRefresh } from './auto-refresh';
import { CancelButton } from './cancel-button';
import { StatusBadge } from './status-badge';

export const metadata: Metadata = { title: 'Jobs' };

const COLUMNS: Column[] = [
  { key: 'kind', label: 'Job' },
  { key: 'status', label: 'Status' },
  { key: 'progress', label: 'Progress', numeric: true },
  { key: 'rate', label: 'Rate', numeric: true },
  { key: 'eta', label: 'ETA', numeric: true },
  { key: 'error', label: 'Error' },
  { key: 'createdAt', label: 'Queued' },
  { key: 'action', label: '' },
];

export default async function JobsPage() {
  await requireRole(rolesFor('/jobs') ?? []);
  const { jobs: page } = await queryApi(jobsQuery, { first: 100 });
  const jobs = page.edges.map((edge) => edge.node);
  const active = jobs.filter((job) => isActive(job.status));
  const rows: Row[] = jobs.map((job) => ({
    id: job.id,
    testId: 'job-row',
    cells: {
      kind: {
        value: job.kind,
        display: (
          <>
            <Link href={`/jobs/${job.id}`}>{formatEnum(job.kind)}</Link>{' '}
            <span className="muted mono">{job.id.slice(0, 8)}</span>
          </>
        ),
      },
      status: { value: job.status, display: <StatusBadge status={job.status} /> },
      progress: {
        value: progressFraction(job),
        display: job.status === 'QUEUED' ? '—' : <JobProgressBar job={job} />,
      },
      rate: { value: job.rate, display: job.status === 'RUNNING' ? formatRate(job.rate) : '—' },
      eta: {
        value: job.etaSeconds,
        display: job.status === 'RUNNING' ? formatDuration(job.etaSeconds) : '—',
      },
      error: {
        value: job.error,
        display: job.error ? (
          <span className="muted" title={job.error}>
            {job.error.slice(0, 120)}
          </span>
        ) : (
          '—'
        ),
      },
      createdAt: { value: job.createdAt, display: formatDateTime(job.createdAt) },
      action: {
        value: null,
        display: isActive(job.status) ? (
          <CancelButton jobId={job.id} label={`${formatEnum(job.kind)} job`} />
        ) : null,
      },
    },
  }));
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <h1>Jobs</h1>
          <p className="page-header__meta" data-testid="job-counts">
            {jobs.length < page.totalCount
              ? `newest ${jobs.length} of ${page.totalCount} jobs`
              : `${jobs.length} jobs`}{' '}
            · {jobs.filter((j) => j.status === 'RUNNING').length} running ·{' '}
            {jobs.filter((j) => j.status === 'QUEUED').length} queued ·{' '}
            {jobs.filter((j) => j.status === 'FAILED').length} failed
          </p>
        </div>
        {active.length > 0 ? <AutoRefresh seconds={3} /> : null}
      </div>
      {jobs.length === 0 ? (
        <div className="panel empty-state" data-testid="empty-state">
          <h2>No jobs yet</h2>
          <p className="muted">
            Jobs appear here when queued (`dermino train`, `dermino evaluate`, or the API's enqueueJob).
          </p>
        </div>
      ) : (
        <section className="panel panel__body">
          <DataTable
            caption="Every job, newest first"
            columns={COLUMNS}
            rows={rows}
            exportName="jobs"
            testId="jobs-table"
          />
        </section>
      )}
    </div>
  );
}
