import {
  describeUncertainty,
  levelOfUncertainty,
  normalizedEntropyOf,
} from '@/lib/predict/describe-uncertainty';
import type { ClassProbability, Prediction } from '@/lib/predict/predict-types';

export function UncertaintyPanel({
  uncertainty,
  classes,
}: {
  uncertainty: Prediction['uncertainty'];
  classes: ClassProbability[];
}) {
  // The level reads the probabilities on screen (calibrated when there is a temperature), as the confidence does.
  const shown = classes.map((item) => item.probability);
  const level = levelOfUncertainty(normalizedEntropyOf(shown));
  return (
    <section className="panel" aria-labelledby="uncertainty-title" data-testid="uncertainty">
      <div className="panel__header">
        <h2 id="uncertainty-title">Uncertainty</h2>
        <span className={`badge ${level === 'low' ? 'badge--ok' : 'badge--alert'}`}>{level} uncertainty</span>
      </div>
      <div className="panel__body">
        <dl className="facts">
          <dt>Confidence</dt>
          <dd>
            {(uncertainty.confidence * 100).toFixed(1)}%{' '}
            <span className="muted">
              (
              {uncertainty.calibration === 'TEMPERATURE_SCALED'
                ? `calibrated, temperature ${uncertainty.temperature?.toFixed(2)}`
                : 'uncalibrated'}
              )
            </span>
          </dd>
          <dt>Entropy</dt>
          <dd>
            {uncertainty.entropy.toFixed(3)} nats{' '}
            <span className="muted">
              (raw output; {(uncertainty.normalizedEntropy * 100).toFixed(0)}% of the maximum; 0 = certain,
              100% = uniform)
            </span>
          </dd>
        </dl>
        <p>{describeUncertainty(uncertainty, shown)}</p>
      </div>
    </section>
  );
}
