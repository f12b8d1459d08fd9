'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { type RetrainState, retrainChampion } from '@/lib/labelling/retrain-champion';

/** Retrain now (data team, managers): the API's answer, success or refusal, is shown beside the button. */
export function RetrainForm({ championId }: { championId: string | null }) {
  const [state, action, pending] = useActionState<RetrainState, FormData>(retrainChampion, {});
  return (
    <form
      action={action}
      style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}
      data-testid="retrain-form"
    >
      {championId ? <input type="hidden" name="championId" value={championId} /> : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Queuing…' : 'Retrain now'}
      </button>
      {state.error ? (
        <span role="alert" className="badge badge--alert" data-testid="retrain-error">
          {state.error}
        </span>
      ) : null}
      {state.ok ? (
        <span role="status" className="badge badge--ok" data-testid="retrain-ok">
          {state.ok}{' '}
          {state.finetuneJobId ? <Link href={`/jobs/${state.finetuneJobId}`}>Follow the job</Link> : null}
        </span>
      ) : null}
    </form>
  );
}
