import { PageSkeleton } from '@/components/charts/page-skeleton';

export default function JobsLoading() {
  return <PageSkeleton label="jobs" panels={2} />;
}
