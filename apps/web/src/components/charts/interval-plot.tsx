import { seriesColour } from '@/lib/charts/palette';
import { type Domain, domainOf, formatTick, linearScale, niceTicks } from '@/lib/charts/scale';
import styles from './charts.module.css';
import { Legend } from './legend';

export interface IntervalRow {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** Drawn grey (too few cases, or no estimate). */
  muted?: boolean;
}

export interface IntervalPlotProps {
  title: string;
  xLabel: string;
  rows: readonly IntervalRow[];
  /** A vertical reference line: the overall value, or 0 for differences. */
  reference?: { value: number; label: string };
  domain?: Domain;
  testId?: string;
}

const WIDTH = 600;
const ROW = 26;
// Room for the longest metric names ("Malignancy sensitivity at target specificity" at 11 px).
const LEFT = 250;
const RIGHT = 16;

/** Point estimates with their 95% intervals, one row each (a forest plot). */
export function IntervalPlot(props: IntervalPlotProps) {
  const all = props.rows.flatMap((r) => [r.value, r.low, r.high]).filter((v): v is number => v !== null);
  const domain = props.domain ?? domainOf(props.reference ? [...all, props.reference.value] : all);
  const height = 20 + props.rows.length * ROW + 36;
  const x = linearScale(domain, LEFT, WIDTH - RIGHT);
  const bottom = 20 + props.rows.length * ROW;
  return (
    <figure className={styles.figure} data-testid={props.testId}>
      <figcaption className={styles.title}>{props.title}</figcaption>
      <svg
        className={styles.svg}
        style={{ maxWidth: 760 }}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={props.title}
      >
        {niceTicks(domain, 5).map((tick) => (
          <g key={tick}>
            <line className={styles.grid} x1={x(tick)} x2={x(tick)} y1={12} y2={bottom} />
            <text className={styles.axis} x={x(tick)} y={bottom + 14} textAnchor="middle">
              {formatTick(tick)}
            </text>
          </g>
        ))}
        {props.reference ? (
          <line
            x1={x(props.reference.value)}
            x2={x(props.reference.value)}
            y1={12}
            y2={bottom}
            stroke="#000"
            strokeDasharray="4 3"
          />
        ) : null}
        {props.rows.map((row, i) => {
          const cy = 20 + i * ROW + ROW / 2;
          const colour = row.muted ? '#9aa3ad' : seriesColour(0);
          return (
            <g key={row.label}>
              <text
                className={styles.axis}
                x={LEFT - 8}
                y={cy + 4}
                textAnchor="end"
                fill={row.muted ? '#9aa3ad' : undefined}
              >
                {row.label}
              </text>
              {row.low !== null && row.high !== null ? (
                <line x1={x(row.low)} x2={x(row.high)} y1={cy} y2={cy} stroke={colour} strokeWidth={2} />
              ) : null}
              {row.value !== null ? <circle cx={x(row.value)} cy={cy} r={4} fill={colour} /> : null}
            </g>
          );
        })}
        <text className={styles.axisTitle} x={(LEFT + WIDTH - RIGHT) / 2} y={height - 4} textAnchor="middle">
          {props.xLabel}
        </text>
      </svg>
      <Legend
        entries={[
          { name: 'Estimate with 95% interval', colour: seriesColour(0) },
          ...(props.reference ? [{ name: props.reference.label, colour: '#000000', dashed: true }] : []),
          ...(props.rows.some((r) => r.muted) ? [{ name: 'Too few cases', colour: '#9aa3ad' }] : []),
        ]}
      />
    </figure>
  );
}
