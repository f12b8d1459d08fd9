import { sequentialColour, textColourOn } from '@/lib/charts/palette';
import styles from './charts.module.css';
import { Legend } from './legend';

export interface HeatCell {
  /** The value coloured; null when not shown (greyed). */
  value: number | null;
  /** The text in the cell, e.g. "0.81" or "12". */
  label: string;
  /** Shown on hover: n, n positive, interval. */
  detail?: string;
}

export interface HeatMapProps {
  title: string;
  rowLabel: string;
  columnLabel: string;
  rows: readonly string[];
  columns: readonly string[];
  /** cells[row][column]; a missing cell is drawn as "—". */
  cells: readonly (readonly (HeatCell | undefined)[])[];
  /** Colour range; defaults to the cells' own min..max. */
  range?: { min: number; max: number };
  legendLabel: string;
  testId?: string;
}

const CELL_W = 72;
const CELL_H = 32;

/** A grid of coloured cells with their values written in; greyed cells (value null) keep their place. */
export function HeatMap(props: HeatMapProps) {
  const values = props.cells.flat().flatMap((c) => (c && c.value !== null ? [c.value] : []));
  const min = props.range?.min ?? Math.min(...values, 0);
  const max = props.range?.max ?? Math.max(...values, 1);
  const t = (v: number) => (max > min ? (v - min) / (max - min) : 0.5);
  const left = 8 + Math.max(48, ...props.rows.map((r) => r.length * 6.5));
  // Three header lines: column title, row title, column labels.
  const top = 56;
  const width = left + props.columns.length * CELL_W + 8;
  const height = top + props.rows.length * CELL_H + 8;
  return (
    <figure className={styles.figure} data-testid={props.testId}>
      <figcaption className={styles.title}>{props.title}</figcaption>
      <div className={styles.tableWrap}>
        <svg
          className={styles.svg}
          style={{ maxWidth: width * 1.4, minWidth: Math.min(width, 420) }}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={props.title}
        >
          <text className={styles.axisTitle} x={left} y={12}>
            {props.columnLabel} →
          </text>
          <text className={styles.axisTitle} x={4} y={30}>
            {props.rowLabel} ↓
          </text>
          {props.columns.map((column, c) => (
            <text
              key={column}
              className={styles.axis}
              x={left + c * CELL_W + CELL_W / 2}
              y={top - 6}
              textAnchor="middle"
            >
              {column}
            </text>
          ))}
          {props.rows.map((row, r) => (
            <g key={row}>
              <text
                className={styles.axis}
                x={left - 6}
                y={top + r * CELL_H + CELL_H / 2 + 4}
                textAnchor="end"
              >
                {row}
              </text>
              {props.columns.map((column, c) => {
                const cell = props.cells[r]?.[c];
                const shown = cell && cell.value !== null;
                const fill = shown ? sequentialColour(t(cell.value as number)) : '#eef0f3';
                return (
                  <g key={column}>
                    <rect
                      x={left + c * CELL_W + 1}
                      y={top + r * CELL_H + 1}
                      width={CELL_W - 2}
                      height={CELL_H - 2}
                      fill={fill}
                      rx={3}
                    >
                      <title>{`${row} × ${column}: ${cell?.detail ?? cell?.label ?? 'no cases'}`}</title>
                    </rect>
                    <text
                      className={styles.heatCell}
                      x={left + c * CELL_W + CELL_W / 2}
                      y={top + r * CELL_H + CELL_H / 2 + 4}
                      textAnchor="middle"
                      fill={shown ? textColourOn(t(cell.value as number)) : '#6b7480'}
                    >
                      {cell?.label ?? '—'}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
      <Legend
        entries={[
          { name: `${props.legendLabel}: ${min.toFixed(2)}`, colour: sequentialColour(0), box: true },
          { name: max.toFixed(2), colour: sequentialColour(1), box: true },
          { name: 'Too few cases (greyed)', colour: '#eef0f3', box: true },
        ]}
      />
    </figure>
  );
}
