'use client';

import { LoadError } from '@/components/charts/load-error';

export default function DriftError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LoadError what="The drift report" error={error} retry={retry} href="/drift" />;
}
