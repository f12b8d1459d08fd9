import { formatProgress, type ProgressFields, progressFraction } from '@/lib/jobs/job-progress';
import styles from './dashboard.module.css';

export function JobProgressBar({ job }: { job: ProgressFields }) {
  const fraction = progressFraction(job);
  return (
    <div style={{ minWidth: 140 }}>
      <div
        className={styles.progress}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={job.total ?? undefined}
        aria-valuenow={job.step}
        aria-label="Progress"
      >
        <div className={styles.progressFill} style={{ width: `${Math.round((fraction ?? 0) * 100)}%` }} />
      </div>
      <span className="muted" style={{ fontSize: 12 }}>
        {formatProgress(job)}
      </span>
    </div>
  );
}
