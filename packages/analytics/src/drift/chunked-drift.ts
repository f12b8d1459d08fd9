import { type AlertThreshold, isAlert, thresholdFromReferenceChunks } from './thresholds.js';

export interface ChunkResult {
  start: number;
  end: number;
  value: number;
  alert: boolean;
}

export interface ChunkedDrift {
  threshold: AlertThreshold;
  reference: ChunkResult[];
  current: ChunkResult[];
}

export interface ChunkedDriftOptions<T> {
  /** The reference window (e.g. the validation set), and the current data in time order. */
  reference: readonly T[];
  current: readonly T[];
  chunkSize: number;
  /** Drift statistic of a chunk against the whole reference (PSI, JS, KS D, an estimated metric...). */
  statistic: (reference: readonly T[], chunk: readonly T[]) => number;
  /** Fixed band, or (default) mean +/- 3 sd of the reference chunks' own values, as NannyML. */
  threshold?: AlertThreshold;
}

/** Splits into consecutive chunks of `chunkSize`; a trailing partial chunk under half the size is dropped. */
export function chunkRanges(length: number, chunkSize: number): [number, number][] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const ranges: [number, number][] = [];
  for (let start = 0; start < length; start += chunkSize) {
    const end = Math.min(length, start + chunkSize);
    if (end - start >= chunkSize / 2) ranges.push([start, end]);
  }
  return ranges;
}

/** Drift over time: the statistic per chunk, with alerts against a threshold from the reference itself or fixed. */
export function chunkedDrift<T>(options: ChunkedDriftOptions<T>): ChunkedDrift {
  const { reference, current, chunkSize, statistic } = options;
  const score = (data: readonly T[]) =>
    chunkRanges(data.length, chunkSize).map(([start, end]) => ({
      start,
      end,
      value: statistic(reference, data.slice(start, end)),
    }));
  const referenceChunks = score(reference);
  const threshold = options.threshold ?? thresholdFromReferenceChunks(referenceChunks.map((c) => c.value));
  const flag = (chunks: Omit<ChunkResult, 'alert'>[]) =>
    chunks.map((c) => ({ ...c, alert: isAlert(c.value, threshold) }));
  return { threshold, reference: flag(referenceChunks), current: flag(score(current)) };
}
