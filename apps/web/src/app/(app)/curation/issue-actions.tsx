'use client';

import { useActionState } from 'react';
import { type AdjudicateState, adjudicateImages } from './actions';
import { AdjudicationOutcome } from './adjudication-outcome';
import styles from './curation.module.css';

const INITIAL: AdjudicateState = { results: {}, error: null };

/** Accept the audit's suggestion, or relabel to a chosen diagnosis (both are adjudications, audited). */
export function IssueActions({
  imageId,
  suggested,
  concepts,
}: {
  imageId: string;
  suggested: string;
  concepts: { code: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(adjudicateImages, INITIAL);
  return (
    <div className={styles.issueActions} data-testid="issue-actions">
      <form action={action}>
        <input type="hidden" name="imageId" value={imageId} />
        <input type="hidden" name="conceptCode" value={suggested} />
        <input type="hidden" name="note" value="Accepted the data audit's suggested label." />
        <button type="submit" className="button button--primary" disabled={pending}>
          Accept {suggested}
        </button>
      </form>
      <form action={action} className={styles.relabel}>
        <input type="hidden" name="imageId" value={imageId} />
        <input type="hidden" name="note" value="Relabelled from the data audit's label-issue queue." />
        <select name="conceptCode" className="select" aria-label="Relabel as" required defaultValue="">
          <option value="" disabled>
            Relabel as…
          </option>
          {concepts.map((concept) => (
            <option key={concept.code} value={concept.code}>
              {concept.code}
            </option>
          ))}
        </select>
        <button type="submit" className="button" disabled={pending}>
          Relabel
        </button>
      </form>
      {state.error ? <p className="notice notice--alert">{state.error}</p> : null}
      <AdjudicationOutcome result={state.results[imageId]} />
    </div>
  );
}
