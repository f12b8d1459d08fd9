import 'server-only';
import { defineQuery } from '@/lib/api/graphql-request';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface JobSummary {
  id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  step: number;
  total: number | null;
  rate: number | null;
  etaSeconds: number | null;
  metrics: Record<string, unknown> | null;
  error: string | null;
  attempts: number;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const FIELDS = 'id kind payload status step total rate etaSeconds metrics error attempts createdBy createdAt startedAt finishedAt';

export const jobsQuery = defineQuery<{ jobs: JobSummary[] }, { status?: JobStatus[]; first?: number }>(`
  query Jobs($status: [JobStatus!], $first: Int) { jobs(status: $status, first: $first) { ${FIELDS} } }
`);

export const jobQuery = defineQuery<{ job: JobSummary | null }, { id: string }>(`
  query Job($id: ID!) { job(id: $id) { ${FIELDS} } }
`);

export const cancelJobMutation = defineQuery<{ cancelJob: { id: string; status: JobStatus } }, { id: string }>(`
  mutation CancelJob($id: ID!) { cancelJob(id: $id) { id status } }
`);

export const isActive = (status: JobStatus) => status === 'QUEUED' || status === 'RUNNING';
