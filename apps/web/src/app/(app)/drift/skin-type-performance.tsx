import chartStyles from '@/components/charts/charts.module.css';
import { type GroupPerformance, readSkinTypePerformance } from '@/lib/drift/drift-extras';
import type { DriftWindow } from '@/lib/drift/drift-report';
import styles from './drift.module.css';

const pct = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

function GroupCell({ group, minGroupSize }: { group: GroupPerformance | undefined; minGroupSize: number }) {
  if (!group || group.n === 0) return <td className={styles.below}>no images</td>;
  const note = group.belowMinimum ? `fewer than ${minGroupSize} images or labels: read with care` : undefined;
  return (
    <td
      className={group.belowMinimum ? styles.below : undefined}
      title={note}
      data-below-minimum={group.belowMinimum ? 'true' : undefined}
    >
      <span className={styles.cell}>
        <span>Estimated {pct(group.estimatedAccuracy)}</span>
        <span>Realised {group.labelled ? pct(group.realisedAccuracy) : 'no labels'}</span>
        <span className={styles.n}>
          n {group.n}
          {group.labelled ? ` · ${group.labelled} labelled` : ''}
        </span>
      </span>
    </td>
  );
}

/** One table per grouping: a row per month, a column per skin-type group, CBPE beside realised accuracy. */
function GroupTable({
  windows,
  grouping,
  caption,
  testId,
}: {
  windows: DriftWindow[];
  grouping: 'ddi' | 'types';
  caption: string;
  testId: string;
}) {
  const rows = windows.map((w) => ({ window: w, performance: readSkinTypePerformance(w) }));
  const groups = [
    ...new Set(rows.flatMap((r) => ['all', ...(r.performance?.[grouping].map((g) => g.group) ?? [])])),
  ];
  return (
    <div className={styles.tableWrap}>
      <table className={chartStyles.table} data-testid={testId}>
        <caption className={chartStyles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {groups.map((g) => (
              <th key={g} scope="col">
                {g === 'all' ? 'All' : g}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ window, performance }) => (
            <tr key={window.window} data-testid="skin-type-row" data-month={window.window}>
              <th scope="row">
                {window.window}
                {window.reference ? ' (reference)' : ''}
              </th>
              {groups.map((g) => (
                <GroupCell
                  key={g}
                  minGroupSize={performance?.minGroupSize ?? 30}
                  group={
                    g === 'all' ? performance?.overall : performance?.[grouping].find((p) => p.group === g)
                  }
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SkinTypePerformance({ windows }: { windows: DriftWindow[] }) {
  const withData = windows.filter((w) => readSkinTypePerformance(w) !== null);
  if (withData.length === 0)
    return (
      <p className="muted">
        This report has no accuracy by skin type (it predates that part of the drift job).
      </p>
    );
  const minimum = readSkinTypePerformance(withData[0]!)!.minGroupSize;
  return (
    <>
      <p className="muted">
        Realised accuracy is over the images with a held-out label (the model's validation and test splits).
        Groups with fewer than {minimum} images or labels are greyed, not hidden.
      </p>
      <GroupTable
        windows={windows}
        grouping="ddi"
        caption="By skin-type group (I-II / III-IV / V-VI)"
        testId="skin-type-performance"
      />
      <details>
        <summary>By each Fitzpatrick type (I to VI)</summary>
        <GroupTable
          windows={windows}
          grouping="types"
          caption="By Fitzpatrick type"
          testId="skin-type-performance-types"
        />
      </details>
    </>
  );
}
