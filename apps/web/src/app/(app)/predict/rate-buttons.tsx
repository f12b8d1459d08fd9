'use client';

import { useState, useTransition } from 'react';
import { rateSimilarCase } from './actions';
import styles from './predict.module.css';

/** "Helpful / not helpful" on one similar case; the stored verdict is what the API answered, not what was clicked. */
export function RateButtons(props: { modelId: string; uploadId: string; resultImageId: string }) {
  const [stored, setStored] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startRating] = useTransition();
  const rate = (helpful: boolean) =>
    startRating(async () => {
      const result = await rateSimilarCase({ ...props, helpful });
      if (result.ok) {
        setStored(result.helpful);
        setError(null);
      } else setError(result.message);
    });
  return (
    <div className={styles.rating}>
      <fieldset>
        <legend className="visually-hidden">Was this similar case helpful?</legend>
        <button
          type="button"
          className="button"
          aria-pressed={stored === true}
          disabled={pending}
          onClick={() => rate(true)}
        >
          Helpful
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={stored === false}
          disabled={pending}
          onClick={() => rate(false)}
        >
          Not helpful
        </button>
      </fieldset>
      <span role="status" className="muted" data-testid="rating-status">
        {pending
          ? 'Saving…'
          : error
            ? error
            : stored === null
              ? ''
              : `Saved: ${stored ? 'helpful' : 'not helpful'}`}
      </span>
    </div>
  );
}
