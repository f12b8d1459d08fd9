import { ALERT_COLOUR, seriesColour } from '@/lib/charts/palette';
import { type Domain, domainOf, formatTick, linearScale, niceTicks } from '@/lib/charts/scale';
import styles from './charts.module.css';
import { Legend, type LegendEntry } from './legend';

export interface Point {
  x: number;
  y: number | null;
}

export interface Series {
  name: string;
  points: readonly Point[];
  dashed?: boolean;
  /** Draw a dot at each point (sparse series such as monthly windows). */
  markers?: boolean;
  /** Palette position, when several series belong together (an estimate and its interval). */
  colourIndex?: number;
}

export interface LineChartProps {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  xDomain?: Domain;
  yDomain?: Domain;
  /** Category labels for integer x positions (months), instead of numeric ticks. */
  xCategories?: readonly string[];
  /** Horizontal reference lines, e.g. an alert threshold. */
  thresholds?: readonly { y: number; label: string }[];
  /** x positions to shade (alerting windows). */
  highlightX?: readonly number[];
  /** x positions to shade grey (the reference months of a drift report). */
  referenceX?: readonly number[];
  /** The chance line of ROC and reliability plots. */
  diagonal?: boolean;
  testId?: string;
  /** Cap the width of a chart that has a row to itself. */
  maxWidth?: number;
}

const WIDTH = 480;
const HEIGHT = 280;
const MARGIN = { top: 12, right: 16, bottom: 44, left: 52 };

/** A hand-written SVG line chart, rendered on the server: no chart library, no client JavaScript. */
export function LineChart(props: LineChartProps) {
  const { series, thresholds = [], highlightX = [], referenceX = [], xCategories } = props;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y])));
  const xDomain =
    props.xDomain ?? (xCategories ? { min: -0.5, max: xCategories.length - 0.5 } : domainOf(xs, 0));
  const yDomain = props.yDomain ?? domainOf([...ys, ...thresholds.map((t) => t.y)]);
  const x = linearScale(xDomain, MARGIN.left, WIDTH - MARGIN.right);
  const y = linearScale(yDomain, HEIGHT - MARGIN.bottom, MARGIN.top);
  const xTicks = xCategories ? xCategories.map((_, i) => i) : niceTicks(xDomain, 5);
  const yTicks = niceTicks(yDomain, 5);
  const band = xCategories ? x(1) - x(0) : 8;
  const colourOf = (s: Series, i: number) => seriesColour(s.colourIndex ?? i);
  const entries: LegendEntry[] = series.map((s, i) => ({
    name: s.name,
    colour: colourOf(s, i),
    dashed: s.dashed,
  }));
  for (const t of thresholds) entries.push({ name: t.label, colour: ALERT_COLOUR, dashed: true });
  if (highlightX.length > 0) entries.push({ name: 'Alert', colour: '#fcefe6', box: true });
  if (referenceX.length > 0) entries.push({ name: 'Reference months', colour: '#eef0f3', box: true });
  return (
    <figure className={styles.figure} data-testid={props.testId}>
      <figcaption className={styles.title}>{props.title}</figcaption>
      <svg
        className={styles.svg}
        style={props.maxWidth ? { maxWidth: props.maxWidth } : undefined}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={props.title}
      >
        {referenceX.map((rx) => (
          <rect
            key={`r${rx}`}
            x={x(rx) - band / 2}
            y={MARGIN.top}
            width={band}
            height={HEIGHT - MARGIN.top - MARGIN.bottom}
            fill="#eef0f3"
          />
        ))}
        {highlightX.map((hx) => (
          <rect
            key={`h${hx}`}
            x={x(hx) - band / 2}
            y={MARGIN.top}
            width={band}
            height={HEIGHT - MARGIN.top - MARGIN.bottom}
            fill="#fcefe6"
          />
        ))}
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line
              className={styles.grid}
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text className={styles.axis} x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatTick(tick)}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <text
            key={`x${tick}`}
            className={styles.axis}
            x={x(tick)}
            y={HEIGHT - MARGIN.bottom + 16}
            textAnchor="middle"
          >
            {xCategories ? xCategories[tick] : formatTick(tick)}
          </text>
        ))}
        <rect
          className={styles.frame}
          x={MARGIN.left}
          y={MARGIN.top}
          width={WIDTH - MARGIN.left - MARGIN.right}
          height={HEIGHT - MARGIN.top - MARGIN.bottom}
        />
        {props.diagonal ? (
          <line
            x1={x(xDomain.min)}
            y1={y(yDomain.min)}
            x2={x(xDomain.max)}
            y2={y(yDomain.max)}
            stroke="#9aa3ad"
            strokeDasharray="3 3"
          />
        ) : null}
        {thresholds.map((t) => (
          <line
            key={t.label}
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(t.y)}
            y2={y(t.y)}
            stroke={ALERT_COLOUR}
            strokeDasharray="6 4"
          />
        ))}
        {series.map((s, i) => (
          <g key={s.name}>
            <path
              d={pathOf(s.points, x, y)}
              fill="none"
              stroke={colourOf(s, i)}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
            />
            {s.markers
              ? s.points.map((p) =>
                  p.y === null ? null : (
                    <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={3} fill={colourOf(s, i)} />
                  ),
                )
              : null}
          </g>
        ))}
        <text
          className={styles.axisTitle}
          x={(MARGIN.left + WIDTH - MARGIN.right) / 2}
          y={HEIGHT - 8}
          textAnchor="middle"
        >
          {props.xLabel}
        </text>
        <text
          className={styles.axisTitle}
          transform={`translate(12 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {props.yLabel}
        </text>
      </svg>
      <Legend entries={entries} />
    </figure>
  );
}

/** Lines break at missing values instead of drawing through them. */
function pathOf(points: readonly Point[], x: (v: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`;
    pen = true;
  }
  return d;
}
