import { PageSkeleton } from '@/components/charts/page-skeleton';

export default function ModelsLoading() {
  return <PageSkeleton label="models" />;
}
