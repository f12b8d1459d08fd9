'use client';

import { LoadError } from '@/components/charts/load-error';

export default function BiasError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LoadError what="The subgroup report" error={error} retry={retry} href="/bias" />;
}
