'use client';

import { LoadError } from '@/components/charts/load-error';

export default function JobsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LoadError what="Jobs" error={error} retry={retry} href="/jobs" />;
}
