import { useId } from 'react';
import styles from './datasets.module.css';

export interface BarSeries {
  label: string;
  colour: string;
}

export interface BarDatum {
  label: string;
  /** One value per series, stacked left to right. */
  values: number[];
}

const ROW = 24;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 48;
const WIDTH = 440;

/**
 * Hand-written horizontal (stacked) bar chart: title, unit, legend and the total printed at each bar's end,
 * so no value is carried by colour or length alone. Scales to its container through the viewBox.
 */
export function BarChart({
  title,
  unit,
  series,
  data,
  testId,
}: {
  title: string;
  unit: string;
  series: BarSeries[];
  data: BarDatum[];
  testId?: string;
}) {
  const titleId = useId();
  const max = Math.max(1, ...data.map((datum) => datum.values.reduce((sum, value) => sum + value, 0)));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = data.length * ROW + 8;
  return (
    <figure className={styles.chart} data-testid={testId}>
      <figcaption id={titleId} className={styles.chartTitle}>
        {title} <span className="muted">({unit})</span>
      </figcaption>
      {series.length > 1 ? (
        <ul className={styles.legend} aria-label="Legend">
          {series.map((item) => (
            <li key={item.label}>
              <span className={styles.swatch} style={{ background: item.colour }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        className={styles.chartSvg}
      >
        <title>{`${title} (${unit})`}</title>
        {data.map((datum, row) => {
          const total = datum.values.reduce((sum, value) => sum + value, 0);
          let x = LABEL_WIDTH;
          const y = row * ROW + 4;
          return (
            <g key={datum.label} data-testid="bar">
              <text
                x={LABEL_WIDTH - 8}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className={styles.axisText}
              >
                {datum.label}
              </text>
              {datum.values.map((value, index) => {
                const width = (value / max) * plotWidth;
                const rect = (
                  <rect
                    key={series[index]?.label ?? index}
                    x={x}
                    y={y + 3}
                    width={width}
                    height={ROW - 8}
                    fill={series[index]?.colour}
                  >
                    <title>{`${datum.label}, ${series[index]?.label ?? ''}: ${value} ${unit}`}</title>
                  </rect>
                );
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + ROW / 2} dominantBaseline="middle" className={styles.valueText}>
                {total}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
