'use client';

import { useEffect, useRef, useState } from 'react';
import { explainImageAction, type ImageExplanation } from './actions';

export type HeatmapState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'shown'; explanation: ImageExplanation }
  | { status: 'none' }
  | { status: 'error'; message: string };

type Cached = { ok: true; value: ImageExplanation | null } | { ok: false; message: string };

/**
 * Where the champion looked on the current image, fetched the first time the reader turns the heatmap on for it
 * and kept for the session, so moving back and forth asks the API once per image.
 */
export function useHeatmap(imageId: string | null, enabled: boolean): HeatmapState {
  const cache = useRef(new Map<string, Cached>());
  const [, setVersion] = useState(0);
  const cached = imageId ? cache.current.get(imageId) : undefined;
  useEffect(() => {
    if (!enabled || !imageId || cache.current.has(imageId)) return;
    let live = true;
    explainImageAction(imageId)
      .then((result): Cached => (result.ok ? result : { ok: false, message: result.message }))
      .catch((): Cached => ({ ok: false, message: 'The server did not answer.' }))
      .then((entry) => {
        cache.current.set(imageId, entry);
        if (live) setVersion((v) => v + 1);
      });
    return () => {
      live = false;
    };
  }, [enabled, imageId]);
  if (!enabled || !imageId) return { status: 'off' };
  if (!cached) return { status: 'loading' };
  if (!cached.ok) return { status: 'error', message: cached.message };
  return cached.value ? { status: 'shown', explanation: cached.value } : { status: 'none' };
}
