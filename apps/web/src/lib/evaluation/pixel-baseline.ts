import type { PixelBaselineFieldsFragment } from '@/gql/graphql';

export type PixelBaseline = PixelBaselineFieldsFragment;

const signed = (value: number | null | undefined, digits = 3) =>
  value === null || value === undefined
    ? 'n/a'
    : `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
const plain = (value: number | null | undefined) =>
  value === null || value === undefined ? 'n/a' : value.toFixed(3);

/**
 * "The backbone adds +0.120 balanced accuracy over pixels (95% CI +0.050 to +0.190)": the model beside its raw-pixel
 * baseline, and whether it is flagged (it does not beat the baseline's balanced accuracy).
 */
export function describeBaselineGain(baseline: PixelBaseline): {
  flagged: boolean;
  headline: string;
  detail: string;
} {
  const gain = baseline.balancedAccuracyGain;
  const auroc = baseline.macroAurocGain;
  return {
    flagged: !baseline.beatsBaseline,
    headline: `The backbone adds ${signed(gain.difference)} balanced accuracy over pixels (95% CI ${signed(gain.ciLow)} to ${signed(gain.ciHigh)}).`,
    detail:
      `Model ${plain(gain.model)} against ${plain(gain.baseline)} for a ${baseline.method} on ${baseline.trainImages} train images, ` +
      `${baseline.testImages} test images; macro AUROC ${signed(auroc.difference)} (${plain(auroc.model)} against ${plain(auroc.baseline)}).`,
  };
}
