import { PageSkeleton } from '@/components/charts/page-skeleton';

export default function DriftLoading() {
  return <PageSkeleton label="the drift report" panels={4} />;
}
