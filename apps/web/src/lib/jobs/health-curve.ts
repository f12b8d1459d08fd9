import { type CurvePoint, readCurve } from './job-progress';

/** A pretraining run's representation health at one checkpoint (packages/model/src/health). */
export interface HealthPoint {
  step: number;
  embeddingStd: number;
  effectiveRank: number;
  teacherEntropy: number;
  teacherCentreKl: number;
  width: number;
  prototypes: number;
  probeImages: number;
}

// The collapse thresholds of packages/model/src/health/README.md (the web imports no server package).
export const MIN_STD_RATIO = 0.1;
export const MIN_RANK_FRACTION = 0.03;

const KEYS = [
  'embeddingStd',
  'effectiveRank',
  'teacherEntropy',
  'teacherCentreKl',
  'width',
  'prototypes',
  'probeImages',
] as const;

/** Job.healthCurve as typed points; a point missing a measure is dropped. */
export function readHealthCurve(points: readonly { step: number; metrics: unknown }[]): HealthPoint[] {
  return readCurve(points).flatMap((point: CurvePoint) =>
    KEYS.every((key) => typeof point.metrics[key] === 'number')
      ? [
          {
            step: point.step,
            ...(Object.fromEntries(KEYS.map((key) => [key, point.metrics[key]])) as Omit<
              HealthPoint,
              'step'
            >),
          },
        ]
      : [],
  );
}

/** The thresholds a run's last point is judged against: spread ratio (std x sqrt(width)) and RankMe. */
export function healthThresholds(point: HealthPoint): { spreadRatio: number; rank: number } {
  return {
    spreadRatio: MIN_STD_RATIO,
    rank: Math.max(2, MIN_RANK_FRACTION * Math.min(point.width, point.probeImages)),
  };
}
