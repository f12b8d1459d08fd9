import { type DatasetComposition, SKIN_TYPES, type Split } from './dataset-types';

export interface CompositionMatrix {
  diagnoses: string[];
  skinTypes: string[];
  /** counts[diagnosis][skinType] */
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
  max: number;
}

const UNLABELLED = 'unlabelled';

/**
 * Diagnosis x skin type counts of one split (or all), from the API's non-empty cells. Rows follow the
 * composition's diagnosis order (most items first); columns are the skin types that occur, in Fitzpatrick order.
 */
export function buildCompositionMatrix(
  composition: Pick<DatasetComposition, 'cells' | 'byDiagnosis'>,
  split: Split | 'ALL',
): CompositionMatrix {
  const cells = composition.cells.filter((cell) => split === 'ALL' || cell.split === split);
  const skinOf = (cell: { skinType: string | null }) => cell.skinType ?? 'UNKNOWN';
  const present = new Set(composition.cells.map(skinOf));
  const skinTypes = SKIN_TYPES.filter((skinType) => present.has(skinType));
  const diagnoses = composition.byDiagnosis.map((entry) => entry.key);
  for (const cell of composition.cells) {
    const key = cell.diagnosis ?? UNLABELLED;
    if (!diagnoses.includes(key)) diagnoses.push(key);
  }
  const counts = diagnoses.map(() => skinTypes.map(() => 0));
  for (const cell of cells) {
    const row = diagnoses.indexOf(cell.diagnosis ?? UNLABELLED);
    const column = skinTypes.indexOf(skinOf(cell) as (typeof SKIN_TYPES)[number]);
    if (row >= 0 && column >= 0) counts[row]![column]! += cell.count;
  }
  const rowTotals = counts.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = skinTypes.map((_, column) => counts.reduce((sum, row) => sum + row[column]!, 0));
  return {
    diagnoses,
    skinTypes,
    counts,
    rowTotals,
    columnTotals,
    total: rowTotals.reduce((sum, count) => sum + count, 0),
    max: Math.max(0, ...counts.flat()),
  };
}
