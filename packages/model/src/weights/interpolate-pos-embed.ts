/**
 * DINOv2's `interpolate_pos_encoding` (facebookresearch/dinov2 main, `interpolate_offset=0.1`,
 * `interpolate_antialias=False`): the patch position grid M x M is resized bicubically to g x g with
 * `F.interpolate(scale_factor=(g + 0.1) / M, mode='bicubic', align_corners=False)`. PyTorch then maps output
 * pixel o to source coordinate (o + 0.5) / scale - 0.5 using the given scale factor (not M / g), takes the cubic
 * convolution kernel with A = -0.75 and clamps source indices at the border. The CLS row is kept as is.
 */
export const DINOV2_INTERPOLATE_OFFSET = 0.1;

const A = -0.75;
const near = (x: number) => ((A + 2) * x - (A + 3)) * x * x + 1;
const far = (x: number) => ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;

/** For each output index: the 4 clamped source indices and their cubic weights. */
function cubicTaps(
  source: number,
  target: number,
  offset: number,
): Array<{ index: number[]; weight: number[] }> {
  const scale = offset > 0 ? (target + offset) / source : target / source;
  const outSize = Math.floor(source * scale);
  if (outSize !== target)
    throw new Error(`position grid ${source} -> ${target}: the scale factor gives ${outSize} rows`);
  return Array.from({ length: target }, (_, o) => {
    const real = (o + 0.5) / scale - 0.5;
    const base = Math.floor(real);
    const t = real - base;
    const weight = [far(t + 1), near(t), near(1 - t), far(2 - t)];
    const index = [-1, 0, 1, 2].map((k) => Math.min(Math.max(base + k, 0), source - 1));
    return { index, weight };
  });
}

/**
 * pos_embed rows [1 + M*M, D] (CLS first, patches row-major) -> [1 + g*g, D]. With `hasClassRow` false the
 * input is [M*M, D] (timm's no_embed_class) and the result gets a zero CLS row.
 */
export function interpolatePosEmbed(
  data: Float32Array,
  width: number,
  from: number,
  to: number,
  options: { hasClassRow: boolean; offset?: number },
): Float32Array {
  const first = options.hasClassRow ? 1 : 0;
  const out = new Float32Array((1 + to * to) * width);
  if (options.hasClassRow) out.set(data.subarray(0, width));
  const patches = data.subarray(first * width);
  if (from === to) {
    out.set(patches, width);
    return out;
  }
  const taps = cubicTaps(from, to, options.offset ?? DINOV2_INTERPOLATE_OFFSET);
  // Rows first ([to, from, D]), then columns; the 2-D bicubic kernel is the product of the two 1-D ones.
  const rows = new Float64Array(to * from * width);
  for (let y = 0; y < to; y += 1) {
    const { index, weight } = taps[y];
    for (let x = 0; x < from; x += 1) {
      const target = (y * from + x) * width;
      for (let k = 0; k < 4; k += 1) {
        const source = (index[k] * from + x) * width;
        for (let d = 0; d < width; d += 1) rows[target + d] += weight[k] * patches[source + d];
      }
    }
  }
  for (let y = 0; y < to; y += 1) {
    for (let x = 0; x < to; x += 1) {
      const { index, weight } = taps[x];
      const target = (1 + y * to + x) * width;
      for (let k = 0; k < 4; k += 1) {
        const source = (y * from + index[k]) * width;
        for (let d = 0; d < width; d += 1) out[target + d] += weight[k] * rows[source + d];
      }
    }
  }
  return out;
}
