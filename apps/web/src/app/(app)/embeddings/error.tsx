'use client';

import { LoadError } from '@/components/charts/load-error';

export default function EmbeddingsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LoadError what="The embedding map" error={error} retry={retry} href="/embeddings" />;
}
