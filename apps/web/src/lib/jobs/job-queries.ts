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

const FIELDS =
  'id kind payload status step total rate etaSeconds metrics error attempts createdBy createdAt startedAt finishedAt';

export interface JobFilter {
  kind?: string[];
  status?: JobStatus[];
  createdBy?: string[];
}

/** One page of the API's jobs connection, newest first; totalCount counts every page. */
export interface JobPage {
  totalCount: number;
  edges: { node: JobSummary }[];
}

export const jobsQuery = defineQuery<{ jobs: JobPage }, { filter?: JobFilter; first?: number }>(`
  query Jobs($filter: JobFilter, $first: Int) {
    jobs(filter: $filter, first: $first) { totalCount edges { node { ${FIELDS} } } }
  }
`);

export const jobQuery = defineQuery<{ job: JobSummary | null }, { id: string }>(`
  query Job($id: ID!) { job(id: $id) { ${FIELDS} } }
`);

export const cancelJobMutation = defineQuery<
  { cancelJob: { id: string; status: JobStatus } },
  { id: string }
>(`
  mutation CancelJob($id: ID!) { cancelJob(id: $id) { id status } }
`);

export const isActive = (status: JobStatus) => status === 'QUEUED' || status === 'RUNNING';

export interface JobLog {
  at: string;
  level: string;
  message: string;
}

export interface JobDetail extends JobSummary {
  logs: JobLog[];
  curve: { step: number; metrics: Record<string, unknown> }[];
}

export const jobDetailQuery = defineQuery<{ job: JobDetail | null }, { id: string; last?: number }>(`
  query JobDetail($id: ID!, $last: Int) { job(id: $id) { ${FIELDS} logs(last: $last) { at level message } curve { step metrics } } }
`);
