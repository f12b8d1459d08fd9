import Link from 'next/link';
import { DataTable } from '@/components/charts/data-table';
import { LineChart } from '@/components/charts/line-chart';
import { formatMetric } from '@/lib/evaluation/metric-info';
import { formatDateTime } from '@/lib/format';
import type { LabelEfficiencyData } from '@/lib/labelling/labelling-queries';

const bacc = (value: number | null | undefined) => formatMetric('balanced_accuracy', value);

/**
 * What labels bought: balanced accuracy (95% interval) of every evaluated head of the champion's backbone and
 * method, against the labels it learnt from, beside the raw-pixel baseline trained on the same labels. Heads
 * trained by the labelling loop add points as labels arrive.
 */
export function LabelEfficiencyPanel({ curve }: { curve: LabelEfficiencyData | null }) {
  const points = curve?.points ?? [];
  return (
    <section className="panel" aria-labelledby="efficiency-heading" data-testid="label-efficiency-curve">
      <div className="panel__header">
        <h2 id="efficiency-heading">Label efficiency</h2>
      </div>
      <div className="panel__body">
        {!curve ? (
          <p className="muted">No champion with a backbone yet.</p>
        ) : points.length === 0 ? (
          <p className="muted">No evaluated head of the champion&apos;s backbone yet.</p>
        ) : (
          <>
            <LineChart
              title={`Balanced accuracy by labels: ${curve.method} heads of ${curve.backbone.name}`}
              xLabel="Labelled training images"
              yLabel="Balanced accuracy"
              yDomain={{ min: 0, max: 1 }}
              maxWidth={720}
              testId="label-efficiency-chart"
              series={[
                {
                  name: 'Model',
                  points: points.map((p) => ({ x: p.labels, y: p.balancedAccuracy.value })),
                  markers: true,
                },
                {
                  name: '95% interval, lower end',
                  points: points.map((p) => ({ x: p.labels, y: p.balancedAccuracy.ciLow ?? null })),
                  dashed: true,
                  colourIndex: 0,
                },
                {
                  name: '95% interval, upper end',
                  points: points.map((p) => ({ x: p.labels, y: p.balancedAccuracy.ciHigh ?? null })),
                  dashed: true,
                  colourIndex: 0,
                },
                {
                  name: 'Raw-pixel baseline',
                  points: points.map((p) => ({ x: p.labels, y: p.pixelBaseline?.value ?? null })),
                  markers: true,
                  colourIndex: 2,
                },
              ]}
            />
            <DataTable
              caption="Each evaluated head, fewest labels first"
              exportName="label-efficiency"
              testId="label-efficiency-table"
              columns={[
                { key: 'labels', label: 'Labels', numeric: true },
                { key: 'head', label: 'Head' },
                { key: 'bacc', label: 'Balanced accuracy [95% CI]', numeric: true },
                { key: 'pixels', label: 'Pixel baseline', numeric: true },
                { key: 'evaluated', label: 'Evaluated' },
              ]}
              rows={points.map((p) => ({
                id: p.model.id,
                cells: {
                  labels: { value: p.labels, display: p.labels.toLocaleString('en') },
                  head: {
                    value: p.model.name,
                    display: (
                      <>
                        <Link href={`/models/${p.model.id}`}>{p.model.name}</Link>
                        {p.champion ? <span className="badge badge--ok">champion</span> : null}
                      </>
                    ),
                  },
                  bacc: {
                    value: p.balancedAccuracy.value ?? null,
                    display: `${bacc(p.balancedAccuracy.value)} [${bacc(p.balancedAccuracy.ciLow)}, ${bacc(p.balancedAccuracy.ciHigh)}]`,
                  },
                  pixels: { value: p.pixelBaseline?.value ?? null, display: bacc(p.pixelBaseline?.value) },
                  evaluated: { value: p.evaluatedAt, display: formatDateTime(p.evaluatedAt) },
                },
              }))}
            />
            <p className="muted">
              Each head is scored on the test split of the dataset version it was trained on; versions frozen
              by the labelling loop hold the new labels, so their test splits can differ a little.
            </p>
          </>
        )}
      </div>
    </section>
  );
}
