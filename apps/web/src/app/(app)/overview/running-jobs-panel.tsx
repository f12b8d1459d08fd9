import Link from 'next/link';
import { JobProgressBar } from '@/components/charts/job-progress-bar';
import { formatEnum } from '@/lib/format';
import { formatDuration, formatRate } from '@/lib/jobs/job-progress';
import type { JobSummary } from '@/lib/jobs/job-queries';

export function RunningJobsPanel({ jobs }: { jobs: readonly JobSummary[] }) {
  const running = jobs.filter((job) => job.status === 'RUNNING');
  const queued = jobs.length - running.length;
  return (
    <section className="panel" aria-labelledby="jobs-heading" data-testid="running-jobs">
      <div className="panel__header">
        <h2 id="jobs-heading">Running jobs</h2>
        <Link href="/jobs" className="button button--ghost">
          Jobs
        </Link>
      </div>
      <div className="panel__body">
        {running.length === 0 ? <p className="muted">No job is running.</p> : null}
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12 }}>
          {running.map((job) => (
            <li key={job.id} data-testid="running-job">
              <Link href={`/jobs/${job.id}`}>{formatEnum(job.kind)}</Link>{' '}
              <span className="muted">
                · {formatRate(job.rate)} · ETA {formatDuration(job.etaSeconds)}
              </span>
              <JobProgressBar job={job} />
            </li>
          ))}
        </ul>
        {queued > 0 ? <p className="muted">{queued} queued.</p> : null}
      </div>
    </section>
  );
}
