import { PageSkeleton } from '@/components/charts/page-skeleton';

export default function EmbeddingsLoading() {
  return <PageSkeleton label="the embedding map" panels={2} />;
}
