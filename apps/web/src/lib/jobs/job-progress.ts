// Progress text of a job, from what the worker last wrote (step/total, rate, ETA).

export interface ProgressFields {
  step: number;
  total: number | null;
  rate: number | null;
  etaSeconds: number | null;
}

/** 0..1, or null when the job does not know its total. */
export function progressFraction(job: ProgressFields): number | null {
  return job.total && job.total > 0 ? Math.min(1, job.step / job.total) : null;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatProgress(job: ProgressFields): string {
  const fraction = progressFraction(job);
  const steps = job.total
    ? `${job.step.toLocaleString('en-GB')} / ${job.total.toLocaleString('en-GB')}`
    : `${job.step.toLocaleString('en-GB')} steps`;
  return fraction === null ? steps : `${steps} (${Math.round(fraction * 100)}%)`;
}

export function formatRate(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '—' : `${rate.toFixed(rate < 10 ? 1 : 0)} steps/s`;
}

export interface CurvePoint {
  step: number;
  metrics: Record<string, unknown>;
}

/** The API types a curve point's metrics as JSON; a point whose metrics are not an object is dropped. */
export function readCurve(points: readonly { step: number; metrics: unknown }[]): CurvePoint[] {
  return points.flatMap((point) =>
    typeof point.metrics === 'object' && point.metrics !== null && !Array.isArray(point.metrics)
      ? [{ step: point.step, metrics: point.metrics as Record<string, unknown> }]
      : [],
  );
}
