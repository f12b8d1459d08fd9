import type { CompositionCellRecord, Split } from '@dermino/db';

const SPLITS: readonly Split[] = ['TRAIN', 'VAL', 'TEST'];
const SKIN_TYPES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'UNKNOWN'];
export const UNLABELLED_KEY = 'unlabelled';

function count(cells: readonly CompositionCellRecord[], keyOf: (cell: CompositionCellRecord) => string) {
  const counts = new Map<string, number>();
  for (const cell of cells) counts.set(keyOf(cell), (counts.get(keyOf(cell)) ?? 0) + cell.count);
  return counts;
}

const rank = (order: readonly string[], key: string) =>
  order.includes(key) ? order.indexOf(key) : order.length;

/** The DatasetComposition of a version from its grouped cells. */
export function summariseComposition(cells: readonly CompositionCellRecord[]) {
  const bySplit = count(cells, (cell) => cell.split);
  const byDiagnosis = count(cells, (cell) => cell.diagnosis ?? UNLABELLED_KEY);
  const bySkinType = count(cells, (cell) => cell.skinType ?? 'UNKNOWN');
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  return {
    total,
    labelled: total - (byDiagnosis.get(UNLABELLED_KEY) ?? 0),
    bySplit: SPLITS.map((key) => ({ key, count: bySplit.get(key) ?? 0 })),
    byDiagnosis: [...byDiagnosis]
      .map(([key, value]) => ({ key, count: value }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    bySkinType: [...bySkinType]
      .map(([key, value]) => ({ key, count: value }))
      .sort((a, b) => rank(SKIN_TYPES, a.key) - rank(SKIN_TYPES, b.key) || a.key.localeCompare(b.key)),
    cells: [...cells]
      .sort((a, b) => rank(SPLITS, a.split) - rank(SPLITS, b.split))
      .map(({ split, diagnosis, skinType, count: value }) => ({ split, diagnosis, skinType, count: value })),
  };
}
