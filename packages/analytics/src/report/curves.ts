/** Keeps at most `maxPoints` points, always including both ends, so reports stay small. */
export function thinCurve<T>(points: T[], maxPoints: number): T[] {
  if (points.length <= maxPoints) return points;
  const step = (points.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, i) => points[Math.round(i * step)]);
}

/** Rounds curve coordinates for compact JSON (an infinite threshold stays as is; JSON writes it as null). */
export function roundCurve<T extends object>(points: T[], digits = 6): T[] {
  const factor = 10 ** digits;
  return points.map((p) => {
    const out = {} as Record<string, number>;
    for (const [key, value] of Object.entries(p) as [string, number][])
      out[key] = Number.isFinite(value) ? Math.round(value * factor) / factor : value;
    return out as T;
  });
}
