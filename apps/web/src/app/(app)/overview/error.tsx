'use client';

import { LoadError } from '@/components/charts/load-error';

export default function OverviewError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LoadError what="The overview" error={error} retry={retry} href="/overview" />;
}
