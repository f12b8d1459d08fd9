import { PageSkeleton } from '@/components/charts/page-skeleton';

export default function BiasLoading() {
  return <PageSkeleton label="the subgroup report" />;
}
