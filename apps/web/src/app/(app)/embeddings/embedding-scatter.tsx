'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { Legend } from '@/components/charts/legend';
import { domainOf, formatTick, linearScale, niceTicks } from '@/lib/charts/scale';
import {
  buildColourGroups,
  COLOUR_BY,
  COLOUR_BY_LABELS,
  type ColourBy,
} from '@/lib/embeddings/colour-groups';
import type { ProjectionPoint } from '@/lib/embeddings/embedding-queries';
import styles from './embeddings.module.css';

const WIDTH = 760;
const HEIGHT = 520;
const MARGIN = { top: 16, right: 16, bottom: 52, left: 64 };

const percent = (share: number | undefined) => `${((share ?? 0) * 100).toFixed(1)}%`;

/**
 * The map: every point is a link to its image's case (server-rendered, so it works before hydration); the select
 * recolours without a round trip, hovering names the point.
 */
export function EmbeddingScatter({
  points,
  explainedVariance,
  initialColourBy,
  hasSplit,
}: {
  points: ProjectionPoint[];
  explainedVariance: number[];
  initialColourBy: ColourBy;
  hasSplit: boolean;
}) {
  const router = useRouter();
  const options = COLOUR_BY.filter((key) => key !== 'split' || hasSplit);
  const [colourBy, setColourBy] = useState<ColourBy>(
    options.includes(initialColourBy) ? initialColourBy : 'diagnosis',
  );
  const [hovered, setHovered] = useState<ProjectionPoint | null>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const { groups, colourOf } = useMemo(
    () => buildColourGroups(points.map((point) => point[colourBy])),
    [points, colourBy],
  );
  const xDomain = domainOf(points.map((point) => point.x));
  const yDomain = domainOf(points.map((point) => point.y));
  const x = linearScale(xDomain, MARGIN.left, WIDTH - MARGIN.right);
  const y = linearScale(yDomain, HEIGHT - MARGIN.bottom, MARGIN.top);
  const xTitle = `PC1 (${percent(explainedVariance[0])} of variance)`;
  const yTitle = `PC2 (${percent(explainedVariance[1])} of variance)`;
  return (
    <div data-hydrated={hydrated} data-testid="projection">
      <div className={styles.toolbar}>
        <div className="field">
          <label htmlFor="colour-by">Colour by</label>
          <select
            id="colour-by"
            className="select"
            value={colourBy}
            disabled={!hydrated}
            onChange={(event) => setColourBy(event.target.value as ColourBy)}
          >
            {options.map((key) => (
              <option key={key} value={key}>
                {COLOUR_BY_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
        <p className={`muted ${styles.hover}`} data-testid="hovered-point" aria-live="polite">
          {hovered
            ? `${hovered.diagnosis ?? 'unlabelled'} · skin type ${hovered.skinType ?? '—'} · ${hovered.site ?? '—'}${hovered.split ? ` · ${hovered.split}` : ''}: click to open the case`
            : 'Hover a point to see it; click to open its case.'}
        </p>
      </div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={styles.chart}
        role="img"
        aria-labelledby="projection-title"
        data-testid="projection-chart"
      >
        <title id="projection-title">{`PCA of image embeddings, coloured by ${COLOUR_BY_LABELS[colourBy].toLowerCase()}`}</title>
        {niceTicks(xDomain).map((tick) => (
          <g key={`x${tick}`}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={MARGIN.top}
              y2={HEIGHT - MARGIN.bottom}
              className={styles.grid}
            />
            <text x={x(tick)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className={styles.tick}>
              {formatTick(tick)}
            </text>
          </g>
        ))}
        {niceTicks(yDomain).map((tick) => (
          <g key={`y${tick}`}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              className={styles.grid}
            />
            <text x={MARGIN.left - 8} y={y(tick) + 4} textAnchor="end" className={styles.tick}>
              {formatTick(tick)}
            </text>
          </g>
        ))}
        <text
          x={(MARGIN.left + WIDTH - MARGIN.right) / 2}
          y={HEIGHT - 10}
          textAnchor="middle"
          className={styles.axisTitle}
          data-testid="x-title"
        >
          {xTitle}
        </text>
        <text
          transform={`translate(16 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className={styles.axisTitle}
          data-testid="y-title"
        >
          {yTitle}
        </text>
        {points.map((point) => (
          <a
            key={point.imageId}
            href={`/cases/${point.caseId}`}
            onClick={(event) => {
              event.preventDefault();
              router.push(`/cases/${point.caseId}`);
            }}
            data-testid="projection-point"
            data-image-id={point.imageId}
            data-group={point[colourBy] ?? ''}
            onMouseEnter={() => setHovered(point)}
            onMouseLeave={() => setHovered(null)}
            onFocus={() => setHovered(point)}
            onBlur={() => setHovered(null)}
          >
            <circle
              cx={x(point.x)}
              cy={y(point.y)}
              r={points.length > 1000 ? 3 : 5}
              fill={colourOf(point[colourBy])}
              className={styles.point}
            >
              <title>{`${point.diagnosis ?? 'unlabelled'}, skin type ${point.skinType ?? 'unknown'}, ${point.site ?? 'site unknown'}`}</title>
            </circle>
          </a>
        ))}
      </svg>
      <div data-testid="projection-legend">
        <Legend
          entries={groups.map((group) => ({ name: `${group.label} (${group.count})`, colour: group.colour }))}
        />
      </div>
    </div>
  );
}
