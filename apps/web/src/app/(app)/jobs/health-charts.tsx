import styles from '@/components/charts/dashboard.module.css';
import { LineChart } from '@/components/charts/line-chart';
import { type HealthPoint, healthThresholds } from '@/lib/jobs/health-curve';

/** A pretraining run's representation health per checkpoint, against the collapse thresholds. Nothing without points. */
export function HealthCharts({ points }: { points: HealthPoint[] }) {
  const last = points.at(-1);
  if (!last) return null;
  const thresholds = healthThresholds(last);
  const series = (name: string, y: (p: HealthPoint) => number) => ({
    name,
    markers: true,
    points: points.map((p) => ({ x: p.step, y: y(p) })),
  });
  return (
    <section className="panel panel__body" aria-labelledby="health-heading" data-testid="health-curves">
      <h2 id="health-heading">
        Representation health{' '}
        <span className="muted">
          ({last.probeImages} fixed probe images, width {last.width}; below a dashed line the backbone counts
          as collapsed)
        </span>
      </h2>
      <div className={styles.grid2}>
        <LineChart
          title="Spread of the normalised CLS embeddings"
          xLabel="Step"
          yLabel="std × √width (1 = evenly spread)"
          series={[series('spread', (p) => p.embeddingStd * Math.sqrt(p.width))]}
          thresholds={[{ y: thresholds.spreadRatio, label: 'collapsed below' }]}
          testId="health-spread"
        />
        <LineChart
          title="Effective rank (RankMe)"
          xLabel="Step"
          yLabel={`Rank (of ${Math.min(last.width, last.probeImages)})`}
          series={[series('RankMe', (p) => p.effectiveRank)]}
          thresholds={[{ y: thresholds.rank, label: 'collapsed below' }]}
          testId="health-rank"
        />
        <LineChart
          title="Teacher entropy and KL to the centre"
          xLabel="Step"
          yLabel="Nats"
          series={[
            series('entropy', (p) => p.teacherEntropy),
            series('KL to the centre', (p) => p.teacherCentreKl),
          ]}
          thresholds={[{ y: Math.log(last.prototypes), label: 'uniform (log K)' }]}
        />
      </div>
    </section>
  );
}
