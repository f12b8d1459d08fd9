'use client';

import Link from 'next/link';
import { startTransition, useActionState } from 'react';
import { CONFIRMATIONS, SKIN_TYPES } from '@/lib/datasets/dataset-types';
import type { FreezeField } from '@/lib/datasets/freeze-form';
import { type FreezeState, freezeVersion } from './actions';
import styles from './datasets.module.css';
import { useHydrated } from './use-hydrated';

const FIELD_LABELS: Record<FreezeField, string> = {
  name: 'Dataset name',
  diagnosis: 'Diagnosis codes',
  site: 'Sites',
  source: 'Sources',
  split: 'Split',
  seed: 'Seed',
  filter: 'Filter',
};

/** "Freeze a new version from a filter": the API judges the input; its refusal is shown on the field it names. */
export function FreezeForm({ diagnosisCodes }: { diagnosisCodes: string[] }) {
  // Before hydration a click would submit the form natively (a GET with the filter in the URL).
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState<FreezeState, FormData>(freezeVersion, { status: 'idle' });
  const invalid = (field: FreezeField) =>
    state.status === 'error' && state.field === field ? true : undefined;
  const described = (field: FreezeField) => (invalid(field) ? 'freeze-error' : undefined);
  return (
    <form
      className={styles.freezeForm}
      aria-label="Freeze a new version"
      // Submitted by hand rather than through action={...}, so React does not clear the fields the user must fix.
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => action(form));
      }}
    >
      <div className={styles.formGrid}>
        <div className="field">
          <label htmlFor="freeze-name">Dataset name</label>
          <input
            id="freeze-name"
            name="name"
            className="input"
            required
            placeholder="e.g. melanocytic-v2"
            aria-invalid={invalid('name')}
            aria-describedby={described('name')}
          />
        </div>
        <div className="field">
          <label htmlFor="freeze-diagnosis">Diagnosis codes</label>
          <input
            id="freeze-diagnosis"
            name="diagnosis"
            className="input"
            list="freeze-codes"
            placeholder="mel, nv (descendants included)"
            aria-invalid={invalid('diagnosis')}
            aria-describedby={described('diagnosis')}
          />
          <datalist id="freeze-codes">
            {diagnosisCodes.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="freeze-site">Sites</label>
          <input
            id="freeze-site"
            name="site"
            className="input"
            placeholder="back, face"
            aria-invalid={invalid('site')}
          />
        </div>
        <div className="field">
          <label htmlFor="freeze-source">Sources</label>
          <input
            id="freeze-source"
            name="source"
            className="input"
            placeholder="hospital-a"
            aria-invalid={invalid('source')}
          />
        </div>
        <div className="field">
          <label htmlFor="freeze-labelled">Labelled</label>
          <select id="freeze-labelled" name="labelled" className="select" defaultValue="">
            <option value="">Any</option>
            <option value="yes">Labelled only</option>
            <option value="no">Unlabelled only</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="freeze-split">Split</label>
          <input
            id="freeze-split"
            name="split"
            className="input"
            defaultValue="70/15/15"
            aria-invalid={invalid('split')}
            aria-describedby={described('split')}
          />
        </div>
        <div className="field">
          <label htmlFor="freeze-group">Group by</label>
          <select id="freeze-group" name="groupBy" className="select" defaultValue="LESION">
            <option value="LESION">Lesion (case)</option>
            <option value="PATIENT">Patient</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="freeze-seed">Seed</label>
          <input
            id="freeze-seed"
            name="seed"
            className="input"
            inputMode="numeric"
            defaultValue="1"
            aria-invalid={invalid('seed')}
            aria-describedby={described('seed')}
          />
        </div>
      </div>
      <fieldset className={styles.checks}>
        <legend>Skin types</legend>
        {SKIN_TYPES.map((skinType) => (
          <label key={skinType}>
            <input type="checkbox" name="skinType" value={skinType} />{' '}
            {skinType === 'UNKNOWN' ? 'Unknown' : skinType}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.checks}>
        <legend>Confirmation</legend>
        {CONFIRMATIONS.map((confirmation) => (
          <label key={confirmation}>
            <input type="checkbox" name="confirmation" value={confirmation} />{' '}
            {confirmation.toLowerCase().replace(/_/g, ' ')}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="freeze-note">Note</label>
        <input id="freeze-note" name="note" className="input" placeholder="Why this version exists" />
      </div>
      <div className={styles.formActions}>
        <button type="submit" className="button button--primary" disabled={pending || !hydrated}>
          {pending ? 'Freezing…' : 'Freeze version'}
        </button>
        <span role="status" aria-live="polite">
          {state.status === 'frozen' ? (
            <span data-testid="freeze-success">
              Frozen {state.name} v{state.version}: {state.images} images
              {state.ties > 0 ? `, ${state.ties} left out for tied labels` : ''}.{' '}
              <Link href={`/datasets?version=${state.versionId}`}>Open it</Link>
            </span>
          ) : null}
        </span>
      </div>
      {state.status === 'error' ? (
        <p
          className="notice notice--alert"
          role="alert"
          id="freeze-error"
          data-testid="freeze-error"
          data-field={state.field}
        >
          <strong>{FIELD_LABELS[state.field]}:</strong> {state.message}
        </p>
      ) : null}
    </form>
  );
}
