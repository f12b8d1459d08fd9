import { formatInterval, formatMetric, metricInfo, type NamedEstimate } from '@/lib/evaluation/metric-info';
import styles from './dashboard.module.css';

/** Headline numbers, each with its 95% bootstrap interval (or the reason it has none). */
export function MetricCards({ metrics }: { metrics: readonly NamedEstimate[] }) {
  return (
    <div className={styles.cards} data-testid="metric-cards">
      {metrics.map(({ name, estimate }) => (
        <div key={name} className={styles.metric} data-testid={`metric-${name}`}>
          <div className={styles.metricLabel}>{metricInfo(name).label}</div>
          <div className={styles.metricValue}>{formatMetric(name, estimate.value)}</div>
          <div className={styles.metricInterval}>{formatInterval(name, estimate)}</div>
        </div>
      ))}
    </div>
  );
}
