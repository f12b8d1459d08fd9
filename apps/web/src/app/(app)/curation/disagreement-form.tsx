'use client';

import { useActionState } from 'react';
import { adjudicateDisagreement } from './second-read-actions';

/** One button per code the readers gave, or any code of the taxonomy; the API's refusal is shown beside it. */
export function DisagreementForm({
  imageId,
  codes,
  concepts,
}: {
  imageId: string;
  codes: string[];
  concepts: { code: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(adjudicateDisagreement, null);
  const readerCodes = [...new Set(codes.filter((code) => code !== '(unsure)'))];
  return (
    <form action={action} className="actions" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      <input type="hidden" name="imageId" value={imageId} />
      {readerCodes.map((code) => (
        <button
          key={code}
          type="submit"
          name="conceptCode"
          value={code}
          className="button"
          disabled={pending}
        >
          Adjudicate as {code}
        </button>
      ))}
      <select name="conceptCode" className="select" aria-label="Another diagnosis" defaultValue="">
        <option value="">Another diagnosis…</option>
        {concepts.map((concept) => (
          <option key={concept.code} value={concept.code}>
            {concept.name} ({concept.code})
          </option>
        ))}
      </select>
      <button type="submit" className="button button--ghost" disabled={pending}>
        Adjudicate
      </button>
      {state?.ok === false ? (
        <p className="notice notice--alert" role="alert" data-testid="disagreement-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
