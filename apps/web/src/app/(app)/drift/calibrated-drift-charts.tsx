import { LineChart, type Series } from '@/components/charts/line-chart';
import { CALIBRATED_AREAS, calibratedLines } from '@/lib/drift/calibrated-series';
import type { DriftAlert, DriftWindow } from '@/lib/drift/drift-report';

const TITLES: Record<(typeof CALIBRATED_AREAS)[number], { title: string; testId: string }> = {
  metadata: {
    title: 'Metadata drift (Jensen–Shannon distance to the reference months)',
    testId: 'metadata-drift',
  },
  quality: { title: 'Image-quality drift (Kolmogorov–Smirnov statistic)', testId: 'quality-drift' },
  embeddings: { title: 'Embedding drift (kernel MMD² to the reference months)', testId: 'embedding-drift' },
  predictions: { title: 'Prediction drift (predicted class and confidence)', testId: 'prediction-drift' },
  pixels: { title: 'Pixel drift (kernel MMD² on 8 × 8 thumbnails)', testId: 'pixel-drift' },
};

/**
 * One chart per area of the calibrated detector: each statistic beside its own alarm line (dashed, same colour),
 * the reference pseudo-windows' mean + 3 sd at that month's size, rather than one fixed threshold for all.
 */
export function CalibratedDriftCharts({ windows, alerts }: { windows: DriftWindow[]; alerts: DriftAlert[] }) {
  const categories = windows.map((w) => w.window);
  const referenceX = windows.flatMap((w, i) => (w.reference || w.status === 'reference' ? [i] : []));
  return CALIBRATED_AREAS.map((area) => {
    const lines = calibratedLines(windows, area);
    if (lines.length === 0) return null;
    const months = new Set(alerts.filter((a) => a.area === area).map((a) => a.window));
    const series: Series[] = lines.flatMap((line) => [
      {
        name: line.name,
        markers: true,
        colourIndex: line.colourIndex,
        points: line.values.map((y, x) => ({ x, y })),
      },
      {
        name: `${line.name}: alarm line`,
        dashed: true,
        colourIndex: line.colourIndex,
        points: line.thresholds.map((y, x) => ({ x, y })),
      },
    ]);
    const ys = lines
      .flatMap((line) => [...line.values, ...line.thresholds])
      .filter((y): y is number => y !== null);
    return (
      <LineChart
        key={area}
        title={TITLES[area].title}
        xLabel="Month"
        yLabel="Statistic (dashed: its alarm line)"
        xCategories={categories}
        referenceX={referenceX}
        series={series}
        highlightX={windows.flatMap((w, i) => (months.has(w.window) ? [i] : []))}
        yDomain={{ min: 0, max: Math.max(0.01, ...ys) * 1.1 }}
        testId={TITLES[area].testId}
      />
    );
  });
}
