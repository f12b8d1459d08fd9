import { PageSkeleton } from '@/components/charts/page-skeleton';

export default function CurationLoading() {
  return <PageSkeleton label="curation" panels={4} />;
}
