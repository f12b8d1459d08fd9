'use client';

import { useActionState } from 'react';
import { ActionOutcome } from '@/components/action-outcome';
import { type PromoteState, promoteModel } from '@/lib/models/promote-model';

/** Promote (manager only): the API's answer, success or refusal, is shown beside the button. */
export function PromoteForm({ modelId, modelName }: { modelId: string; modelName: string }) {
  const [state, action, pending] = useActionState<PromoteState, FormData>(promoteModel, {});
  return (
    <form
      action={action}
      style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}
      data-testid="promote-form"
    >
      <input type="hidden" name="modelId" value={modelId} />
      <label className="visually-hidden" htmlFor={`alias-${modelId}`}>
        Alias for {modelName}
      </label>
      <select
        className="select"
        id={`alias-${modelId}`}
        name="alias"
        defaultValue="challenger"
        style={{ width: 'auto' }}
      >
        <option value="champion">champion</option>
        <option value="challenger">challenger</option>
      </select>
      <button type="submit" className="button" disabled={pending} aria-label={`Promote ${modelName}`}>
        {pending ? 'Promoting…' : 'Promote'}
      </button>
      <ActionOutcome error={state.error} ok={state.ok} testId="promote" />
    </form>
  );
}
