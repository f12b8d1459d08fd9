'use client';

import Link from 'next/link';
import { useActionState, useEffect, useState } from 'react';
import { formatLabel, formatSkinType } from '@/lib/format';
import { type AdjudicateState, adjudicateImages } from './actions';
import { AdjudicationOutcome } from './adjudication-outcome';
import styles from './curation.module.css';

export interface GridImage {
  imageId: string;
  caseId: string;
  label: string | null;
  site: string;
  skinType: string;
  source: string;
}

const INITIAL: AdjudicateState = { results: {}, error: null };

/** Thumbnails with checkboxes; the selection is adjudicated to one diagnosis, each image's outcome beside it. */
export function CurationGrid({
  images,
  concepts,
}: {
  images: GridImage[];
  concepts: { code: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(adjudicateImages, INITIAL);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Marks the form once React owns it: a checkbox ticked before that would be reset by hydration.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const toggle = (imageId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(imageId)) next.delete(imageId);
      else next.add(imageId);
      return next;
    });
  return (
    <form action={action} aria-label="Adjudicate selected images" data-hydrated={hydrated}>
      <div className={styles.actionBar}>
        <span data-testid="selected-count">{selected.size} selected</span>
        <button
          type="button"
          className="button button--ghost"
          disabled={!hydrated}
          onClick={() => setSelected(new Set(images.map((i) => i.imageId)))}
        >
          Select all
        </button>
        <button type="button" className="button button--ghost" onClick={() => setSelected(new Set())}>
          Clear
        </button>
        <div className="field">
          <label htmlFor="adjudicate-concept">Adjudicate as</label>
          <select id="adjudicate-concept" name="conceptCode" className="select" required defaultValue="">
            <option value="" disabled>
              Choose a diagnosis
            </option>
            {concepts.map((concept) => (
              <option key={concept.code} value={concept.code}>
                {concept.name} ({concept.code})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="adjudicate-note">Note</label>
          <input
            id="adjudicate-note"
            name="note"
            className="input"
            maxLength={2000}
            placeholder="Why (audited)"
          />
        </div>
        <button type="submit" className="button button--primary" disabled={pending || selected.size === 0}>
          {pending ? 'Adjudicating…' : `Adjudicate ${selected.size || ''}`.trim()}
        </button>
      </div>
      {state.error ? (
        <p className="notice notice--alert" role="alert">
          {state.error}
        </p>
      ) : null}
      <ul className={styles.grid} aria-label="Images">
        {images.map((image) => (
          <li
            key={image.imageId}
            className={styles.tile}
            data-testid="curation-tile"
            data-image-id={image.imageId}
          >
            <label className={styles.tileSelect}>
              <input
                type="checkbox"
                name="imageId"
                value={image.imageId}
                checked={selected.has(image.imageId)}
                disabled={!hydrated}
                onChange={() => toggle(image.imageId)}
              />
              <span className="visually-hidden">Select image of case {image.caseId}</span>
              {/* biome-ignore lint/performance/noImgElement: the /media proxy already serves a 160 px webp */}
              <img
                src={`/media/${image.imageId}/thumb`}
                alt=""
                width={160}
                height={160}
                loading="lazy"
                decoding="async"
              />
            </label>
            <div className={styles.tileBody}>
              <Link href={`/cases/${image.caseId}`} data-testid="tile-label">
                {image.label ?? 'Unlabelled'}
              </Link>
              <p className="muted">
                {formatLabel(image.site)} ·{' '}
                {image.skinType === 'UNKNOWN' ? 'skin type unknown' : formatSkinType(image.skinType)}
              </p>
              <AdjudicationOutcome result={state.results[image.imageId]} />
            </div>
          </li>
        ))}
      </ul>
    </form>
  );
}
