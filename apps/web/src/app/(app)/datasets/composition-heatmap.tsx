import { buildCompositionMatrix } from '@/lib/datasets/composition-matrix';
import type { DatasetComposition, Split } from '@/lib/datasets/dataset-types';
import { CsvButton } from './csv-button';
import styles from './datasets.module.css';

// A sequential scale of Okabe–Ito blue by alpha; counts are printed in every cell, so colour only helps scanning.
const cellStyle = (count: number, max: number) =>
  count === 0
    ? undefined
    : {
        background: `rgb(0 114 178 / ${(0.12 + 0.78 * (count / max)).toFixed(2)})`,
        color: count / max > 0.55 ? '#fff' : undefined,
      };

const splitTitle = (split: Split | 'ALL') =>
  split === 'ALL' ? 'All splits' : split === 'VAL' ? 'Validation' : split === 'TRAIN' ? 'Training' : 'Test';

/** Diagnosis x skin type for one split, as a heat-map table (a real table: screen readers and CSV get the numbers). */
export function CompositionHeatmap({
  composition,
  split,
  conceptNames,
  versionLabel,
}: {
  composition: DatasetComposition;
  split: Split | 'ALL';
  conceptNames: Record<string, string>;
  versionLabel: string;
}) {
  const matrix = buildCompositionMatrix(composition, split);
  const nameOf = (code: string) => conceptNames[code] ?? (code === 'unlabelled' ? 'Unlabelled' : code);
  return (
    <figure className={styles.heatmap} data-testid={`heatmap-${split}`}>
      <figcaption className={styles.chartTitle}>
        {splitTitle(split)}: diagnosis × skin type <span className="muted">(images, n = {matrix.total})</span>
      </figcaption>
      <div className={styles.tableScroll}>
        <table className={styles.matrix}>
          <thead>
            <tr>
              <th scope="col">Diagnosis</th>
              {matrix.skinTypes.map((skinType) => (
                <th key={skinType} scope="col" className={styles.numeric}>
                  {skinType === 'UNKNOWN' ? '?' : skinType}
                </th>
              ))}
              <th scope="col" className={styles.numeric}>
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {matrix.diagnoses.map((diagnosis, row) => (
              <tr key={diagnosis} data-testid="matrix-row" data-diagnosis={diagnosis}>
                <th scope="row">{nameOf(diagnosis)}</th>
                {matrix.counts[row]!.map((count, column) => (
                  <td
                    key={matrix.skinTypes[column]}
                    className={styles.numeric}
                    style={cellStyle(count, matrix.max)}
                  >
                    {count}
                  </td>
                ))}
                <td className={styles.numeric}>
                  <strong>{matrix.rowTotals[row]}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {split === 'ALL' ? (
        <CsvButton
          filename={`${versionLabel}-composition.csv`}
          header={['split', 'diagnosis', 'skin type', 'images']}
          rows={composition.cells.map((cell) => [
            cell.split,
            cell.diagnosis ?? 'unlabelled',
            cell.skinType ?? 'UNKNOWN',
            cell.count,
          ])}
        />
      ) : null}
    </figure>
  );
}
