/**
 * Splitting cases into subgroups by one attribute or the intersection of several.
 * Missing values (null, undefined, '', 'NA', 'NaN', 'unknown') form their own "(missing)" group
 * so that the people with no recorded attribute are not silently dropped.
 */
export type AttributeValues = ArrayLike<string | number | null | undefined>;
export type AttributeTable = Record<string, AttributeValues>;

export const MISSING_GROUP = '(missing)';
const MISSING_TOKENS = new Set(['', 'na', 'nan', 'null', 'unknown', 'none']);

export function normaliseAttributeValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return MISSING_GROUP;
  const text = String(value).trim();
  return MISSING_TOKENS.has(text.toLowerCase()) ? MISSING_GROUP : text;
}

/** True for "(missing)" and any intersection that contains it, e.g. "female & (missing)". */
export function isMissingGroup(value: string): boolean {
  return value.split(' & ').includes(MISSING_GROUP);
}

/** "sex" or ["sex", "skin_type"] -> "sex" or "sex+skin_type". */
export function groupingKey(spec: string | readonly string[]): string {
  return typeof spec === 'string' ? spec : spec.join('+');
}

export interface CaseGroup {
  value: string;
  indices: Int32Array;
}

/** Groups of cases by the given attribute(s), sorted by value for stable output. */
export function splitIntoGroups(
  attributes: AttributeTable,
  spec: string | readonly string[],
  n: number,
): CaseGroup[] {
  const names = typeof spec === 'string' ? [spec] : [...spec];
  for (const name of names) {
    const column = attributes[name];
    if (!column)
      throw new RangeError(
        `unknown attribute "${name}" (have: ${Object.keys(attributes).join(', ') || 'none'})`,
      );
    if (column.length !== n)
      throw new RangeError(`attribute "${name}" has ${column.length} values for ${n} cases`);
  }
  const byValue = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const value = names.map((name) => normaliseAttributeValue(attributes[name][i])).join(' & ');
    const list = byValue.get(value);
    if (list) list.push(i);
    else byValue.set(value, [i]);
  }
  return [...byValue.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([value, list]) => ({ value, indices: Int32Array.from(list) }));
}
