import { formatEnum } from '@/lib/format';
import type { JobStatus } from '@/lib/jobs/job-queries';

const CLASS: Record<JobStatus, string> = {
  QUEUED: 'badge',
  RUNNING: 'badge badge--accent',
  SUCCEEDED: 'badge badge--ok',
  FAILED: 'badge badge--alert',
  CANCELLED: 'badge',
};

export function StatusBadge({ status }: { status: JobStatus }) {
  return (
    <span className={CLASS[status]} data-testid="job-status">
      {formatEnum(status)}
    </span>
  );
}
