/** Small shapes (dots, cysts, vessel segments) in the lesion frame, blended over the lesion's base colour. */
export interface Primitive {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  radius: number;
  colour: readonly [number, number, number];
  opacity: number;
  /** Bounding box, precomputed so most pixels skip the distance test. */
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export type Rgb = readonly [number, number, number];

export function disk(x: number, y: number, radius: number, colour: Rgb, opacity = 1): Primitive {
  return segment(x, y, x, y, radius, colour, opacity);
}

export function segment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  radius: number,
  colour: Rgb,
  opacity = 1,
): Primitive {
  return {
    x0,
    y0,
    x1,
    y1,
    radius,
    colour,
    opacity,
    minX: Math.min(x0, x1) - radius * 1.5,
    maxX: Math.max(x0, x1) + radius * 1.5,
    minY: Math.min(y0, y1) - radius * 1.5,
    maxY: Math.max(y0, y1) + radius * 1.5,
  };
}

/** Blends every primitive covering (x, y) into out, with a soft edge of half a radius. */
export function applyPrimitives(
  primitives: readonly Primitive[],
  x: number,
  y: number,
  out: Float32Array,
): void {
  for (const shape of primitives) {
    if (x < shape.minX || x > shape.maxX || y < shape.minY || y > shape.maxY) continue;
    const dx = shape.x1 - shape.x0;
    const dy = shape.y1 - shape.y0;
    const lengthSq = dx * dx + dy * dy;
    const t =
      lengthSq > 0 ? Math.min(Math.max(((x - shape.x0) * dx + (y - shape.y0) * dy) / lengthSq, 0), 1) : 0;
    const ex = x - shape.x0 - t * dx;
    const ey = y - shape.y0 - t * dy;
    const distance = Math.sqrt(ex * ex + ey * ey);
    const coverage = 1 - Math.min(Math.max((distance - shape.radius * 0.5) / shape.radius, 0), 1);
    if (coverage <= 0) continue;
    const weight = coverage * shape.opacity;
    out[0] += (shape.colour[0] - out[0]) * weight;
    out[1] += (shape.colour[1] - out[1]) * weight;
    out[2] += (shape.colour[2] - out[2]) * weight;
  }
}

/** Arborizing vessels: a trunk that forks into thinner, shorter branches (BCC). */
export function branchingVessels(
  next: () => number,
  x: number,
  y: number,
  angle: number,
  length: number,
  radius: number,
  colour: Rgb,
  depth: number,
  into: Primitive[],
): void {
  const x1 = x + Math.cos(angle) * length;
  const y1 = y + Math.sin(angle) * length;
  into.push(segment(x, y, x1, y1, radius, colour, 0.95));
  if (depth <= 0) return;
  const forks = next() < 0.6 ? 2 : 1;
  for (let fork = 0; fork < forks; fork++) {
    const turn = (next() - 0.5) * 1.6;
    branchingVessels(next, x1, y1, angle + turn, length * 0.7, radius * 0.7, colour, depth - 1, into);
  }
}
