'use client';

import { LoadError } from '@/components/charts/load-error';

export default function CurationError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LoadError what="Curation" error={error} retry={retry} href="/curation" />;
}
