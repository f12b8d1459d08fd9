'use client';

import { type PointerEvent, useEffect, useRef, useState } from 'react';
import styles from './label.module.css';
import type { HeatmapState } from './use-heatmap';

const HEAT = '213 94 0'; // Okabe–Ito vermillion, as on the predict page; intensity is alpha.

const MIN = 1;
const MAX = 6;

/**
 * The image large, with zoom (+ / - / 0, or the buttons) and pan (drag) to look at the lesion's border, and the
 * champion's heatmap over it on demand (Shift+H). The explanation grid covers the centre-cropped square the model
 * saw, so it is drawn over the centre square of the image, and zooms and pans with it.
 */
export function ImageViewer({
  imageId,
  heatmap,
  onToggleHeatmap,
}: {
  imageId: string;
  heatmap: HeatmapState;
  /** Absent on a blind read. */
  onToggleHeatmap?: () => void;
}) {
  // The shorter side over the longer: the share of the frame the model's centre square takes (object-fit: contain).
  const [square, setSquare] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const zoomBy = (factor: number) => setZoom((z) => Math.min(MAX, Math.max(MIN, z * factor)));
  const reset = () => {
    setZoom(1);
    setOffset({ x: 0, y: 0 });
  };
  const keys = useRef<(event: KeyboardEvent) => void>(() => {});
  keys.current = (event) => {
    if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select')) return;
    if (event.key === '+' || event.key === '=') zoomBy(1.5);
    else if (event.key === '-') zoomBy(1 / 1.5);
    else if (event.key === '0') reset();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  const onPointerDown = (event: PointerEvent) => {
    drag.current = { x: event.clientX - offset.x, y: event.clientY - offset.y };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent) => {
    if (drag.current && zoom > 1)
      setOffset({ x: event.clientX - drag.current.x, y: event.clientY - drag.current.y });
  };
  return (
    <figure className={styles.viewer}>
      <div
        className={styles.frame}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => {
          drag.current = null;
        }}
        data-testid="label-image-frame"
        data-zoom={zoom.toFixed(2)}
      >
        <div
          className={styles.stage}
          style={{ transform: `translate(${offset.x}px, ${offset.y}px) scale(${zoom})` }}
        >
          {/* biome-ignore lint/performance/noImgElement: streamed from our /media route, already resized by the API */}
          <img
            src={`/media/${imageId}/working`}
            alt="The lesion to label"
            draggable={false}
            className={styles.image}
            data-testid="label-image"
            onLoad={(event) => {
              const { naturalWidth: w, naturalHeight: h } = event.currentTarget;
              if (w > 0 && h > 0) setSquare(Math.min(w, h) / Math.max(w, h));
            }}
          />
          {heatmap.status === 'shown' ? (
            <svg
              className={styles.heat}
              viewBox={`0 0 ${heatmap.explanation.gridSize} ${heatmap.explanation.gridSize}`}
              preserveAspectRatio="none"
              style={{
                width: `${square * 100}%`,
                height: `${square * 100}%`,
                left: `${((1 - square) / 2) * 100}%`,
                top: `${((1 - square) / 2) * 100}%`,
              }}
              role="img"
              aria-label={`Where the model looked: ${heatmap.explanation.method.replace(/_/g, ' ')}, ${heatmap.explanation.gridSize} by ${heatmap.explanation.gridSize} patches`}
              data-testid="label-heatmap"
            >
              {heatmap.explanation.values.map((value, index) => (
                <rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: the grid position is the identity
                  key={index}
                  x={index % heatmap.explanation.gridSize}
                  y={Math.floor(index / heatmap.explanation.gridSize)}
                  width={1.02}
                  height={1.02}
                  fill={`rgb(${HEAT} / ${(value * 0.7).toFixed(3)})`}
                />
              ))}
            </svg>
          ) : null}
        </div>
      </div>
      <figcaption className={styles.zoomBar}>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => zoomBy(1 / 1.5)}
          aria-label="Zoom out"
        >
          −
        </button>
        <span className="mono">{Math.round(zoom * 100)}%</span>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => zoomBy(1.5)}
          aria-label="Zoom in"
        >
          +
        </button>
        <button type="button" className="button button--ghost" onClick={reset}>
          Fit <kbd>0</kbd>
        </button>
        <span className="muted">drag to pan</span>
        {onToggleHeatmap ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={onToggleHeatmap}
            aria-pressed={heatmap.status !== 'off'}
            data-testid="heatmap-toggle"
          >
            Heatmap <kbd>⇧H</kbd>
          </button>
        ) : null}
        {heatmap.status === 'loading' ? <span className="muted">loading the heatmap…</span> : null}
        {heatmap.status === 'none' ? (
          <span className="muted" data-testid="heatmap-none">
            The champion gives no explanation map.
          </span>
        ) : null}
        {heatmap.status === 'error' ? (
          <span className="badge badge--alert" role="alert" data-testid="heatmap-error">
            Heatmap unavailable: {heatmap.message}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
