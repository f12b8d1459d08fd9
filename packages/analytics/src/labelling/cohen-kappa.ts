/**
 * Cohen's kappa between two raters over the same items: (p_o - p_e) / (1 - p_e), p_o the observed agreement and
 * p_e the agreement expected from each rater's own label frequencies. NaN with no items, or when chance alone
 * predicts full agreement (both raters always give one and the same label).
 */
export function cohenKappa(first: readonly string[], second: readonly string[]): number {
  if (first.length !== second.length)
    throw new RangeError(`raters gave ${first.length} and ${second.length} labels`);
  const n = first.length;
  if (n === 0) return Number.NaN;
  const counts = new Map<string, [number, number]>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    if (first[i] === second[i]) agree++;
    const a = counts.get(first[i]) ?? [0, 0];
    a[0]++;
    counts.set(first[i], a);
    const b = counts.get(second[i]) ?? [0, 0];
    b[1]++;
    counts.set(second[i], b);
  }
  let expected = 0;
  for (const [a, b] of counts.values()) expected += (a / n) * (b / n);
  return expected === 1 ? Number.NaN : (agree / n - expected) / (1 - expected);
}
