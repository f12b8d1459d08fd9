/**
 * Age in years -> age band, so that "by age" compares groups large enough to measure. Default bands
 * follow common dermatology reporting: under 30, 30-44, 45-59, 60-74, 75 and over.
 */
export const DEFAULT_AGE_EDGES = [30, 45, 60, 75];

export function ageBand(
  value: string | number | null | undefined,
  edges: readonly number[] = DEFAULT_AGE_EDGES,
): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return null;
  const age = Number(value);
  if (!Number.isFinite(age) || age < 0) return null;
  if (age < edges[0]) return `<${edges[0]}`;
  for (let b = 1; b < edges.length; b++) if (age < edges[b]) return `${edges[b - 1]}-${edges[b] - 1}`;
  return `${edges[edges.length - 1]}+`;
}

export function ageBands(
  values: ArrayLike<string | number | null | undefined>,
  edges: readonly number[] = DEFAULT_AGE_EDGES,
): (string | null)[] {
  return Array.from(values, (v) => ageBand(v, edges));
}
