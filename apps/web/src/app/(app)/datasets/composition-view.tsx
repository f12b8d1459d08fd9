import type { DatasetComposition } from '@/lib/datasets/dataset-types';
import { SPLITS } from '@/lib/datasets/dataset-types';
import { SPLIT_COLOURS } from '@/lib/datasets/okabe-ito';
import { BarChart } from './bar-chart';
import { CompositionHeatmap } from './composition-heatmap';
import styles from './datasets.module.css';

const splitSeries = SPLITS.map((split) => ({ label: split, colour: SPLIT_COLOURS[split] }));

/** Per key, its count in each split (for bars stacked by split). */
function stackBySplit(
  composition: DatasetComposition,
  keyOf: (cell: DatasetComposition['cells'][number]) => string,
  keys: string[],
) {
  return keys.map((key) => ({
    key,
    values: SPLITS.map((split) =>
      composition.cells
        .filter((cell) => cell.split === split && keyOf(cell) === key)
        .reduce((sum, cell) => sum + cell.count, 0),
    ),
  }));
}

export function CompositionView({
  composition,
  conceptNames,
  versionLabel,
}: {
  composition: DatasetComposition;
  conceptNames: Record<string, string>;
  versionLabel: string;
}) {
  const nameOf = (code: string) => conceptNames[code] ?? (code === 'unlabelled' ? 'Unlabelled' : code);
  const diagnoses = stackBySplit(
    composition,
    (cell) => cell.diagnosis ?? 'unlabelled',
    composition.byDiagnosis.map((entry) => entry.key),
  );
  const skinTypes = stackBySplit(
    composition,
    (cell) => cell.skinType ?? 'UNKNOWN',
    composition.bySkinType.filter((entry) => entry.count > 0).map((entry) => entry.key),
  );
  return (
    <div className={styles.composition} data-testid="composition">
      <dl className={styles.summary}>
        <div>
          <dt>Images</dt>
          <dd data-testid="composition-total">{composition.total}</dd>
        </div>
        <div>
          <dt>Labelled</dt>
          <dd data-testid="composition-labelled">{composition.labelled}</dd>
        </div>
        {composition.bySplit.map((entry) => (
          <div key={entry.key}>
            <dt>{entry.key}</dt>
            <dd data-testid={`composition-split-${entry.key}`}>{entry.count}</dd>
          </div>
        ))}
      </dl>
      <div className={styles.chartGrid}>
        <BarChart
          title="Images per split"
          unit="images"
          series={[{ label: 'images', colour: '#0072B2' }]}
          data={composition.bySplit.map((entry) => ({ label: entry.key, values: [entry.count] }))}
          testId="chart-split"
        />
        <BarChart
          title="Images per diagnosis, by split"
          unit="images"
          series={splitSeries}
          data={diagnoses.map((entry) => ({ label: nameOf(entry.key), values: entry.values }))}
          testId="chart-diagnosis"
        />
        <BarChart
          title="Images per Fitzpatrick skin type, by split"
          unit="images"
          series={splitSeries}
          data={skinTypes.map((entry) => ({
            label: entry.key === 'UNKNOWN' ? 'Unknown' : `Type ${entry.key}`,
            values: entry.values,
          }))}
          testId="chart-skin-type"
        />
      </div>
      <div className={styles.heatmapGrid}>
        {(['ALL', ...SPLITS] as const).map((split) => (
          <CompositionHeatmap
            key={split}
            composition={composition}
            split={split}
            conceptNames={conceptNames}
            versionLabel={versionLabel}
          />
        ))}
      </div>
    </div>
  );
}
