'use client';

import { LoadError } from '@/components/charts/load-error';

export default function AnswerKeyError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LoadError what="The answer-key scores" error={error} retry={retry} href="/answer-key" />;
}
