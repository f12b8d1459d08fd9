import { describeBaselineGain, type PixelBaseline } from '@/lib/evaluation/pixel-baseline';

/** The model beside its raw-pixel baseline; an alert when it does not beat it. */
export function PixelBaselineNote({ baseline }: { baseline: PixelBaseline | null | undefined }) {
  if (!baseline) {
    return (
      <p className="muted" data-testid="pixel-baseline-missing">
        No raw-pixel baseline was stored with this evaluation (re-run the EVALUATE job to get one).
      </p>
    );
  }
  const text = describeBaselineGain(baseline);
  return (
    <p
      className={text.flagged ? 'notice notice--alert' : 'notice'}
      data-testid="pixel-baseline"
      data-flagged={text.flagged}
    >
      {text.flagged ? <strong>Does not beat its pixel baseline. </strong> : null}
      {text.headline} <span className="muted">{text.detail}</span>
    </p>
  );
}
