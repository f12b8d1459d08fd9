import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/charts/dashboard.module.css';
import { JobProgressBar } from '@/components/charts/job-progress-bar';
import { LineChart } from '@/components/charts/line-chart';
import { queryApi } from '@/lib/api/query-api';
import { requireRole } from '@/lib/auth/current-user';
import { formatDateTime, formatEnum } from '@/lib/format';
import { readHealthCurve } from '@/lib/jobs/health-curve';
import { formatDuration, formatRate, readCurve } from '@/lib/jobs/job-progress';
import { isActive, jobDetailQuery } from '@/lib/jobs/job-queries';
import { rolesFor } from '../../nav-items';
import { AutoRefresh } from '../auto-refresh';
import { CancelButton } from '../cancel-button';
import { HealthCharts } from '../health-charts';
import { StatusBadge } from '../status-badge';

export const metadata: Metadata = { title: 'Job' };

// Learning rate lives on another scale than the losses; it gets its own chart.
const SEPARATE = new Set(['lr']);

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(rolesFor('/jobs') ?? []);
  const { id } = await params;
  const { job } = await queryApi(jobDetailQuery, { id, last: 200 });
  if (!job) notFound();
  const curve = readCurve(job.curve);
  const curveKeys = [...new Set(curve.flatMap((p) => Object.keys(p.metrics)))].filter(
    (k) => typeof curve.find((p) => k in p.metrics)?.metrics[k] === 'number',
  );
  const lossKeys = curveKeys.filter((k) => !SEPARATE.has(k)).slice(0, 7);
  const seriesOf = (key: string) => ({
    name: key,
    points: curve.map((p) => ({
      x: p.step,
      y: typeof p.metrics[key] === 'number' ? (p.metrics[key] as number) : null,
    })),
  });
  return (
    <div className={styles.stack}>
      <div className="page-header">
        <div>
          <p className="muted">
            <Link href="/jobs">Jobs</Link> /
          </p>
          <h1 data-testid="job-title">
            {formatEnum(job.kind)} job <StatusBadge status={job.status} />
          </h1>
          <p className="page-header__meta mono">{job.id}</p>
        </div>
        <div className={styles.row}>
          {isActive(job.status) ? <AutoRefresh seconds={3} /> : null}
          {isActive(job.status) ? (
            <CancelButton jobId={job.id} label={`${formatEnum(job.kind)} job`} />
          ) : null}
        </div>
      </div>
      <section className="panel panel__body">
        <dl className="facts">
          <dt>Progress</dt>
          <dd>
            <JobProgressBar job={job} />
          </dd>
          <dt>Rate · ETA</dt>
          <dd>
            {formatRate(job.rate)} · {formatDuration(job.etaSeconds)}
          </dd>
          <dt>Queued · started · finished</dt>
          <dd>
            {formatDateTime(job.createdAt)} · {formatDateTime(job.startedAt)} ·{' '}
            {formatDateTime(job.finishedAt)}
          </dd>
          <dt>Attempts</dt>
          <dd>{job.attempts}</dd>
          <dt>Queued by</dt>
          <dd>{job.createdBy ?? '—'}</dd>
          {job.error ? (
            <>
              <dt>Error</dt>
              <dd className="notice notice--alert" data-testid="job-error">
                {job.error}
              </dd>
            </>
          ) : null}
          <dt>Payload</dt>
          <dd className="mono" style={{ wordBreak: 'break-all' }}>
            {JSON.stringify(job.payload)}
          </dd>
          <dt>Last metrics</dt>
          <dd className="mono" style={{ wordBreak: 'break-all' }}>
            {job.metrics ? JSON.stringify(job.metrics) : '—'}
          </dd>
        </dl>
      </section>
      {job.curve.length > 0 ? (
        <section className="panel panel__body">
          <div className={styles.grid2}>
            <LineChart
              title="Training loss by step"
              xLabel="Step"
              yLabel="Loss"
              series={lossKeys.map(seriesOf)}
              testId="loss-curve"
            />
            {curveKeys.includes('lr') ? (
              <LineChart
                title="Learning rate by step"
                xLabel="Step"
                yLabel="Learning rate"
                series={[seriesOf('lr')]}
              />
            ) : null}
          </div>
        </section>
      ) : null}
      <HealthCharts points={readHealthCurve(job.healthCurve)} />
      <section className="panel panel__body" aria-labelledby="logs-heading">
        <h2 id="logs-heading">Log (last {job.logs.length} lines)</h2>
        {job.logs.length === 0 ? (
          <p className="muted">No log lines yet.</p>
        ) : (
          <pre className={styles.logs} data-testid="job-logs">
            {job.logs
              .map(
                (line) =>
                  `${line.at.slice(0, 19).replace('T', ' ')}  ${line.level.toUpperCase().padEnd(5)}  ${line.message}`,
              )
              .join('\n')}
          </pre>
        )}
      </section>
    </div>
  );
}
