'use client';

import { type FormEvent, useEffect, useState, useTransition } from 'react';
import type { Analysis } from '@/lib/predict/predict-types';
import { analyseUpload } from './actions';
import styles from './predict.module.css';
import { PredictionResults } from './prediction-results';

type UploadAnswer = { upload: { id: string } } | { error: { code: string; message: string } };

/**
 * The upload form and its results. The file goes to our /uploads route (which adds the session token and
 * forwards it to the API); the preview is the browser's own copy of the file, since uploads have no image URL.
 */
export function PredictWorkbench({ conceptNames }: { conceptNames: Record<string, string> }) {
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [uploading, setUploading] = useState(false);
  const [analysing, startAnalysis] = useTransition();

  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setUploadError('Choose an image file first.');
      return;
    }
    setUploadError(null);
    setAnalysis(null);
    setPreviewUrl(URL.createObjectURL(file));
    setUploading(true);
    let answer: UploadAnswer;
    try {
      const response = await fetch('/uploads', { method: 'POST', body: form });
      answer = (await response.json()) as UploadAnswer;
    } catch {
      answer = {
        error: { code: 'NETWORK', message: 'The upload did not reach the server; check your connection.' },
      };
    } finally {
      setUploading(false);
    }
    if ('error' in answer) {
      setUploadError(answer.error.message);
      return;
    }
    startAnalysis(async () => setAnalysis(await analyseUpload(answer.upload.id)));
  }

  // Before hydration a click would submit the form natively (a GET to this page) and lose the file.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const busy = uploading || analysing;
  return (
    <section className={styles.workbench}>
      <form
        className={`panel panel__body ${styles.uploadForm}`}
        onSubmit={submit}
        aria-label="Upload an image"
      >
        <div className="field">
          <label htmlFor="predict-file">Image</label>
          <input id="predict-file" className="input" type="file" name="file" accept="image/*" required />
          <span className="muted">
            JPEG, PNG or WebP, up to 20 MB. Metadata (EXIF, GPS) is removed on upload.
          </span>
        </div>
        <button type="submit" className="button button--primary" disabled={busy || !hydrated}>
          {uploading ? 'Uploading…' : analysing ? 'Analysing…' : 'Upload and analyse'}
        </button>
      </form>
      {uploadError ? (
        <div className="notice notice--alert" role="alert" data-testid="upload-error">
          <strong>The image was not accepted.</strong> {uploadError}
        </div>
      ) : null}
      {busy ? (
        <div aria-busy="true" aria-live="polite" className={styles.pending}>
          <p className="muted">
            {uploading ? 'Uploading the image…' : 'Running the model and searching similar cases…'}
          </p>
          <div className="skeleton" style={{ height: 240 }} />
        </div>
      ) : null}
      {!busy && !analysis && !uploadError ? (
        <div className="panel empty-state" data-testid="predict-empty">
          <h2>No image yet</h2>
          <p className="muted">Choose an image above; the results appear here.</p>
        </div>
      ) : null}
      {analysis && !busy ? (
        <PredictionResults analysis={analysis} previewUrl={previewUrl} conceptNames={conceptNames} />
      ) : null}
    </section>
  );
}
