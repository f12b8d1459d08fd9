'use client';

import { useId, useState } from 'react';
import type { Prediction } from '@/lib/predict/predict-types';
import styles from './predict.module.css';

const HEAT = '213 94 0'; // Okabe–Ito vermillion; intensity is alpha, so it reads without colour vision too.

/**
 * The explanation grid drawn over the image. The API's values are row-major gridSize x gridSize over the
 * centre-cropped square the model saw, so the image is shown the same way (object-fit: cover, centred).
 */
export function HeatmapOverlay({
  previewUrl,
  explanation,
}: {
  previewUrl: string | null;
  explanation: Prediction['explanation'];
}) {
  const [opacity, setOpacity] = useState(0.6);
  const sliderId = useId();
  return (
    <section className="panel" aria-labelledby="heatmap-title">
      <div className="panel__header">
        <h2 id="heatmap-title">Where the model looked</h2>
        {explanation ? <span className="muted">{explanation.method.replace(/_/g, ' ')}</span> : null}
      </div>
      <div className="panel__body">
        <div className={styles.heatmapFrame} data-testid="heatmap">
          {previewUrl ? (
            // biome-ignore lint/performance/noImgElement: a local blob: preview, nothing for next/image to do
            <img src={previewUrl} alt="The uploaded image, centre-cropped as the model saw it" />
          ) : null}
          {explanation ? (
            <svg
              viewBox={`0 0 ${explanation.gridSize} ${explanation.gridSize}`}
              preserveAspectRatio="none"
              style={{ opacity }}
              role="img"
              aria-label={`Attention heatmap, ${explanation.gridSize} by ${explanation.gridSize} patches`}
            >
              {explanation.values.map((value, index) => (
                <rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: the grid position is the identity
                  key={index}
                  data-testid="heatmap-cell"
                  x={index % explanation.gridSize}
                  y={Math.floor(index / explanation.gridSize)}
                  width={1.02}
                  height={1.02}
                  fill={`rgb(${HEAT} / ${value.toFixed(3)})`}
                />
              ))}
            </svg>
          ) : null}
        </div>
        {explanation ? (
          <>
            <div className={styles.heatmapControls}>
              <label htmlFor={sliderId}>Heatmap opacity</label>
              <input
                id={sliderId}
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={opacity}
                onChange={(event) => setOpacity(Number(event.target.value))}
              />
              <span className="mono">{Math.round(opacity * 100)}%</span>
            </div>
            <div className={styles.heatLegend} aria-hidden="true">
              <span>Low attention</span>
              <span
                className={styles.heatLegendBar}
                style={{ background: `linear-gradient(90deg, rgb(${HEAT} / 0), rgb(${HEAT} / 1))` }}
              />
              <span>High</span>
            </div>
            <p className="muted">
              Attention is not proof: a bright patch shows what weighed on the output, not that the lesion
              there is malignant.
            </p>
          </>
        ) : (
          <p className="muted">This model gives no explanation map.</p>
        )}
      </div>
    </section>
  );
}
