import type { ClassProbability } from '@/lib/predict/predict-types';
import styles from './predict.module.css';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Classes as horizontal bars, highest first; the bar is the calibrated probability, the raw one is in words. */
export function ProbabilityBars({
  classes,
  conceptNames,
}: {
  classes: ClassProbability[];
  conceptNames: Record<string, string>;
}) {
  const sorted = [...classes].sort((a, b) => b.probability - a.probability);
  return (
    <section className="panel" aria-labelledby="probabilities-title">
      <div className="panel__header">
        <h2 id="probabilities-title">Class probabilities</h2>
        <span className="muted">% of 100, highest first</span>
      </div>
      <ol className={`panel__body ${styles.bars}`}>
        {sorted.map((item, index) => (
          <li key={item.name} className={styles.barRow} data-testid="probability-row">
            <span className={styles.barLabel}>
              {conceptNames[item.name] ?? item.name} <span className="muted mono">{item.name}</span>
            </span>
            <span className={styles.barTrack} aria-hidden="true">
              <span
                className={index === 0 ? styles.barFillTop : styles.barFill}
                style={{ width: `${Math.max(item.probability * 100, 0.5)}%` }}
              />
            </span>
            <span
              className={styles.barValue}
              data-testid="probability-value"
              title={`Raw model output ${percent(item.rawProbability)}`}
            >
              {percent(item.probability)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
