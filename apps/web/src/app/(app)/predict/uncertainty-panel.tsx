import { describeUncertainty, levelOfUncertainty } from '@/lib/predict/describe-uncertainty';
import type { Prediction } from '@/lib/predict/predict-types';

export function UncertaintyPanel({
  uncertainty,
  classCount,
}: {
  uncertainty: Prediction['uncertainty'];
  classCount: number;
}) {
  const level = levelOfUncertainty(uncertainty.normalizedEntropy);
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
              ({(uncertainty.normalizedEntropy * 100).toFixed(0)}% of the maximum; 0 = certain, 100% =
              uniform)
            </span>
          </dd>
        </dl>
        <p>{describeUncertainty(uncertainty, classCount)}</p>
      </div>
    </section>
  );
}
