'use client';

import type { Analysis } from '@/lib/predict/predict-types';
import { HeatmapOverlay } from './heatmap-overlay';
import styles from './predict.module.css';
import { ProbabilityBars } from './probability-bars';
import { SimilarCases } from './similar-cases';
import { UncertaintyPanel } from './uncertainty-panel';

export function PredictionResults({
  analysis,
  previewUrl,
  conceptNames,
}: {
  analysis: Analysis;
  previewUrl: string | null;
  conceptNames: Record<string, string>;
}) {
  const { prediction, similar } = analysis;
  if (!prediction.ok) {
    const noChampion = prediction.code === 'CONFLICT' && /champion/i.test(prediction.message);
    return (
      <div
        className="panel empty-state"
        role="alert"
        data-testid={noChampion ? 'no-champion' : 'prediction-error'}
      >
        <h2>{noChampion ? 'No model is in service yet' : 'The model could not make a prediction'}</h2>
        <p className="muted">
          {noChampion
            ? 'No classifier has been promoted to champion, so there is no prediction to show. A manager must promote a validated model first.'
            : prediction.message}
        </p>
        {noChampion ? <p className="muted mono">{prediction.message}</p> : null}
      </div>
    );
  }
  const result = prediction.value;
  return (
    <div className={styles.results} data-testid="prediction">
      <p className={styles.modelLine} data-testid="model-version">
        Model <strong>{result.modelVersion.name}</strong>
        {result.modelVersion.aliases.length > 0 ? ` (${result.modelVersion.aliases.join(', ')})` : ''}
        <span className="muted mono"> · {result.modelVersion.id}</span>
      </p>
      <div className={styles.resultGrid}>
        <HeatmapOverlay previewUrl={previewUrl} explanation={result.explanation} />
        <div className={styles.resultColumn}>
          <ProbabilityBars classes={result.classes} conceptNames={conceptNames} />
          <UncertaintyPanel uncertainty={result.uncertainty} classes={result.classes} />
        </div>
      </div>
      <SimilarCases outcome={similar} uploadId={analysis.uploadId} />
    </div>
  );
}
