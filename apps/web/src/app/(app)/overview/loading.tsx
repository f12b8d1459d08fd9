import { PageSkeleton } from '@/components/charts/page-skeleton';

export default function OverviewLoading() {
  return <PageSkeleton label="the overview" />;
}
