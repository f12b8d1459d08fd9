'use client';

import { LoadError } from '@/components/charts/load-error';

export default function ModelsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LoadError what="Models" error={error} retry={retry} href="/models" />;
}
