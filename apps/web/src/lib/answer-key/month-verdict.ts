/** One monitored month of a drift report read against the planted change, in the panel's words. */
export function monthVerdict(month: { drifted: boolean; alarmed: boolean }): string {
  if (month.drifted) return month.alarmed ? 'Found' : 'Missed';
  return month.alarmed ? 'False alarm' : 'Quiet (correct)';
}

/** "0.67" or "–" when the score is undefined (nothing flagged, nothing planted). */
export function formatScore(value: number | null | undefined): string {
  return typeof value === 'number' ? value.toFixed(2) : '–';
}
