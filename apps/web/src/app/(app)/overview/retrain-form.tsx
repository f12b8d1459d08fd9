'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ActionOutcome } from '@/components/action-outcome';
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
      <ActionOutcome
        error={state.error}
        ok={
          state.ok ? (
            <>
              {state.ok}{' '}
              {state.finetuneJobId ? <Link href={`/jobs/${state.finetuneJobId}`}>Follow the job</Link> : null}
            </>
          ) : undefined
        }
        testId="retrain"
      />
    </form>
  );
}
