import type { RepresentationHealth } from './probe-health';

/** Thresholds of a collapsed backbone; README.md in this folder says why these values. */
export interface CollapseThresholds {
  /** Collapsed when embeddingStd < minStdRatio / sqrt(width). */
  minStdRatio: number;
  /** Collapsed when effectiveRank < max(2, minRankFraction * min(probe images, width)). */
  minRankFraction: number;
}

export const DEFAULT_COLLAPSE_THRESHOLDS: CollapseThresholds = { minStdRatio: 0.1, minRankFraction: 0.03 };

export interface CollapseVerdict {
  collapsed: boolean;
  /** One sentence per failed check, empty when healthy. */
  reasons: string[];
  /** What the teacher's targets say (a collapse mode in the making); shown, never failing a backbone alone. */
  warnings: string[];
}

export function checkCollapse(
  health: Pick<RepresentationHealth, 'embeddingStd' | 'effectiveRank' | 'width' | 'probeImages'> &
    Partial<Pick<RepresentationHealth, 'teacherEntropy' | 'teacherCentreKl' | 'prototypes'>>,
  thresholds: CollapseThresholds = DEFAULT_COLLAPSE_THRESHOLDS,
): CollapseVerdict {
  const reasons: string[] = [];
  const minStd = thresholds.minStdRatio / Math.sqrt(health.width);
  if (!(health.embeddingStd >= minStd)) {
    reasons.push(
      `embedding std ${health.embeddingStd.toPrecision(3)} is below ${minStd.toPrecision(3)} (${thresholds.minStdRatio}/sqrt(${health.width})): the CLS embeddings point the same way`,
    );
  }
  const minRank = Math.max(2, thresholds.minRankFraction * Math.min(health.probeImages, health.width));
  if (!(health.effectiveRank >= minRank)) {
    reasons.push(
      `effective rank ${health.effectiveRank.toFixed(2)} is below ${minRank.toFixed(2)} (the larger of 2 and ${thresholds.minRankFraction} of ${Math.min(health.probeImages, health.width)}): the embeddings use few dimensions`,
    );
  }
  return { collapsed: reasons.length > 0, reasons, warnings: teacherWarnings(health) };
}

function teacherWarnings(
  health: Partial<Pick<RepresentationHealth, 'teacherEntropy' | 'teacherCentreKl' | 'prototypes'>>,
): string[] {
  const { teacherEntropy, teacherCentreKl, prototypes } = health;
  if (teacherEntropy === undefined || teacherCentreKl === undefined || !prototypes || prototypes < 2)
    return [];
  const uniform = Math.log(prototypes);
  if (teacherCentreKl >= 0.05 * uniform) return [];
  if (teacherEntropy > 0.95 * uniform)
    return [
      `teacher targets are near uniform for every image (entropy ${teacherEntropy.toFixed(2)} of ${uniform.toFixed(2)} nats, KL to the centre ${teacherCentreKl.toFixed(3)})`,
    ];
  if (teacherEntropy < 0.05 * uniform)
    return [
      `one prototype takes every image (entropy ${teacherEntropy.toFixed(2)} nats, KL to the centre ${teacherCentreKl.toFixed(3)})`,
    ];
  return [
    `teacher targets barely differ between images (KL to the centre ${teacherCentreKl.toFixed(3)} of at most ${uniform.toFixed(2)} nats)`,
  ];
}
