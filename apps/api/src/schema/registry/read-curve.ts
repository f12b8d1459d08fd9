/** A model's metrics.curve as GraphQL points: step apart, the rest as metrics; malformed points are skipped. */
export function readCurve(metrics: unknown): { step: number; metrics: Record<string, unknown> }[] {
  const curve = (metrics as { curve?: unknown } | null)?.curve;
  if (!Array.isArray(curve)) return [];
  return curve.flatMap((point: unknown) => {
    if (typeof point !== 'object' || point === null) return [];
    const { step, ...rest } = point as Record<string, unknown>;
    return Number.isInteger(step) ? [{ step: step as number, metrics: rest }] : [];
  });
}
