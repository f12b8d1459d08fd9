import { OKABE_ITO } from '@/lib/charts/palette';

export const COLOUR_BY = ['diagnosis', 'skinType', 'site', 'split'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

export const COLOUR_BY_LABELS: Record<ColourBy, string> = {
  diagnosis: 'Diagnosis',
  skinType: 'Skin type',
  site: 'Site',
  split: 'Split',
};

/** Missing values and groups beyond the palette: greys, apart from every Okabe–Ito hue. */
export const MISSING_COLOUR = '#BBBBBB';
export const OTHER_COLOUR = '#777777';

export interface ColourGroup {
  key: string;
  label: string;
  colour: string;
  count: number;
}

/**
 * Groups of the values, largest first, each with an Okabe–Ito colour; groups beyond the eight colours share
 * "Other", missing values are "Not set". Returns the groups and each value's colour.
 */
export function buildColourGroups(values: readonly (string | null)[]): {
  groups: ColourGroup[];
  colourOf: (value: string | null) => string;
} {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const value of values) {
    if (value === null) missing += 1;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const ordered = [...counts].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en', { numeric: true }),
  );
  const named = ordered.slice(0, OKABE_ITO.length);
  const rest = ordered.slice(OKABE_ITO.length);
  const colours = new Map(named.map(([key], index) => [key, OKABE_ITO[index] as string]));
  const groups: ColourGroup[] = named.map(([key, count]) => ({
    key,
    label: key,
    colour: colours.get(key)!,
    count,
  }));
  if (rest.length)
    groups.push({
      key: '(other)',
      label: `Other (${rest.length} groups)`,
      colour: OTHER_COLOUR,
      count: rest.reduce((sum, [, count]) => sum + count, 0),
    });
  if (missing) groups.push({ key: '(missing)', label: 'Not set', colour: MISSING_COLOUR, count: missing });
  return {
    groups,
    colourOf: (value) => (value === null ? MISSING_COLOUR : (colours.get(value) ?? OTHER_COLOUR)),
  };
}
