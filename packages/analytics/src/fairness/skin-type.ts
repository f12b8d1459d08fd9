/**
 * Fitzpatrick skin type, read from "1".."6", "I".."VI", "type IV", "FST5" and the like, and the
 * grouping used by the Diverse Dermatology Images study (DDI, Daneshjou et al. 2022): I-II, III-IV, V-VI.
 */
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export function parseFitzpatrickType(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 6 ? value : null;
  const text = value
    .trim()
    .toUpperCase()
    .replace(/^(FITZPATRICK|FST|TYPE|SKIN TYPE)\s*/, '')
    .trim();
  const digit = Number(text);
  if (Number.isInteger(digit) && digit >= 1 && digit <= 6 && text !== '') return digit;
  const roman = ROMAN.indexOf(text);
  return roman >= 0 ? roman + 1 : null;
}

export type DdiSkinTypeGroup = 'I-II' | 'III-IV' | 'V-VI';

export function ddiSkinTypeGroup(value: string | number | null | undefined): DdiSkinTypeGroup | null {
  const type = parseFitzpatrickType(value);
  if (type === null) return null;
  return type <= 2 ? 'I-II' : type <= 4 ? 'III-IV' : 'V-VI';
}

/** Per-case DDI group, for use as a derived attribute column. */
export function ddiSkinTypeGroups(
  values: ArrayLike<string | number | null | undefined>,
): (DdiSkinTypeGroup | null)[] {
  return Array.from(values, ddiSkinTypeGroup);
}

/** Per-case type as a roman numeral ("I".."VI"), so "by each type" groups read the same everywhere. */
export function fitzpatrickTypeLabels(
  values: ArrayLike<string | number | null | undefined>,
): (string | null)[] {
  return Array.from(values, (v) => {
    const type = parseFitzpatrickType(v);
    return type === null ? null : ROMAN[type - 1];
  });
}

/**
 * Adds the DDI grouping of a skin-type column (as "<column>_ddi") and rewrites the column as roman
 * numerals, returning the groupings to add: by each type and by DDI group.
 */
export function addSkinTypeGroupings<T extends Record<string, ArrayLike<string | number | null | undefined>>>(
  attributes: T,
  column: string,
): { attributes: Record<string, (string | number | null | undefined)[]>; groupBy: string[] } {
  const values = attributes[column];
  if (!values) throw new RangeError(`unknown skin-type attribute "${column}"`);
  const types = fitzpatrickTypeLabels(values);
  return {
    attributes: {
      ...Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, Array.from(v)])),
      [column]: types.map((t, i) => t ?? values[i]),
      [`${column}_ddi`]: ddiSkinTypeGroups(values),
    },
    groupBy: [column, `${column}_ddi`],
  };
}
