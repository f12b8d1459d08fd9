import 'server-only';
import { graphql } from '@/gql';
import type { JobDetailQuery, JobFieldsFragment, JobStatus, JobsQuery } from '@/gql/graphql';

export type { JobFilter, JobKind, JobStatus } from '@/gql/graphql';

graphql(`
  fragment JobFields on Job {
    id kind payload status step total rate etaSeconds metrics error attempts createdBy createdAt startedAt finishedAt
  }
`);

export type JobSummary = JobFieldsFragment;

/** One page of the API's jobs connection, newest first; totalCount counts every page. */
export type JobPage = JobsQuery['jobs'];

export const jobsQuery = graphql(`
  query Jobs($filter: JobFilter, $first: Int) {
    jobs(filter: $filter, first: $first) { totalCount edges { node { ...JobFields } } }
  }
`);

export const cancelJobMutation = graphql(`
  mutation CancelJob($id: ID!) { cancelJob(id: $id) { id status } }
`);

export const isActive = (status: JobStatus) => status === 'QUEUED' || status === 'RUNNING';

export type JobDetail = NonNullable<JobDetailQuery['job']>;
export type JobLog = JobDetail['logs'][number];

export const jobDetailQuery = graphql(`
  query JobDetail($id: ID!, $last: Int) {
    job(id: $id) { ...JobFields logs(last: $last) { at level message } curve { step metrics } healthCurve { step metrics } }
  }
`);
