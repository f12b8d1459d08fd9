'use client';

import { useActionState } from 'react';
import { ActionOutcome } from '@/components/action-outcome';
import { type CancelState, cancelJob } from '@/lib/jobs/cancel-job';

export function CancelButton({ jobId, label }: { jobId: string; label: string }) {
  const [state, action, pending] = useActionState<CancelState, FormData>(cancelJob, {});
  return (
    <form action={action} style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
      <input type="hidden" name="jobId" value={jobId} />
      <button type="submit" className="button" disabled={pending} aria-label={`Cancel ${label}`}>
        {pending ? 'Cancelling…' : 'Cancel'}
      </button>
      <ActionOutcome error={state.error} />
    </form>
  );
}
