import styles from './charts.module.css';

export interface LegendEntry {
  name: string;
  colour: string;
  dashed?: boolean;
  box?: boolean;
}

/** An HTML legend under the chart: readable text that wraps at tablet width, unlike SVG text. */
export function Legend({ entries }: { entries: readonly LegendEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ul className={styles.legend}>
      {entries.map((entry) => (
        <li key={entry.name}>
          <span
            className={entry.box ? styles.swatchBox : entry.dashed ? styles.swatchDashed : styles.swatch}
            style={entry.dashed ? { borderColor: entry.colour } : { background: entry.colour }}
            aria-hidden="true"
          />
          {entry.name}
        </li>
      ))}
    </ul>
  );
}
