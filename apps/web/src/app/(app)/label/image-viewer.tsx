'use client';

import { type PointerEvent, useEffect, useRef, useState } from 'react';
import styles from './label.module.css';

const MIN = 1;
const MAX = 6;

/** The image large, with zoom (+ / - / 0, or the buttons) and pan (drag) to look at the lesion's border. */
export function ImageViewer({ imageId }: { imageId: string }) {
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
        {/* biome-ignore lint/performance/noImgElement: streamed from our /media route, already resized by the API */}
        <img
          src={`/media/${imageId}/working`}
          alt="The lesion to label"
          draggable={false}
          className={styles.image}
          style={{ transform: `translate(${offset.x}px, ${offset.y}px) scale(${zoom})` }}
          data-testid="label-image"
        />
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
      </figcaption>
    </figure>
  );
}
