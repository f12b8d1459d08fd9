import sharp from 'sharp';

export interface ExplanationMap {
  /** Which graph output it came from. */
  kind: 'attention_rollout' | 'cls_attention';
  /** Patches per side: the map is gridSize x gridSize, row-major like the patches. */
  gridSize: number;
  /** Min-max normalised to [0, 1] per image (all zeros when the map is flat). */
  values: Float32Array;
}

export function toExplanationMap(kind: ExplanationMap['kind'], raw: Float32Array): ExplanationMap {
  const gridSize = Math.round(Math.sqrt(raw.length));
  if (gridSize * gridSize !== raw.length) throw new Error(`explanation map of ${raw.length} patches is not a square grid`);
  let min = Infinity;
  let max = -Infinity;
  for (const value of raw) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const range = max - min;
  const values = new Float32Array(raw.length);
  if (range > 0) for (let index = 0; index < raw.length; index += 1) values[index] = (raw[index] - min) / range;
  return { kind, gridSize, values };
}

/** A blue -> cyan -> yellow -> red ramp, t in [0, 1]. */
export function colourOf(t: number): [number, number, number] {
  const stops: [number, number, number][] = [[0, 0, 160], [0, 200, 255], [255, 230, 0], [230, 0, 0]];
  const position = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const lower = Math.min(Math.floor(position), stops.length - 2);
  const fraction = position - lower;
  return stops[lower].map((channel, c) => Math.round(channel + (stops[lower + 1][c] - channel) * fraction)) as [number, number, number];
}

export interface RenderOverlayOptions {
  image: Uint8Array;
  explanation: ExplanationMap;
  /** Output side in pixels; the image is cropped like the model input (shorter side, centre). */
  size?: number;
  /** Opacity of the heatmap where the map is 1; it fades to 0 where the map is 0. */
  opacity?: number;
}

/** PNG of the image (as the model saw it) with the explanation map smoothly upsampled on top. */
export async function renderExplanationOverlay(options: RenderOverlayOptions): Promise<Buffer> {
  const { image, explanation, size = 224, opacity = 0.6 } = options;
  const { gridSize, values } = explanation;
  const heat = Buffer.alloc(gridSize * gridSize * 4);
  values.forEach((value, index) => {
    const [r, g, b] = colourOf(value);
    heat.set([r, g, b, Math.round(255 * opacity * (0.25 + 0.75 * value))], index * 4);
  });
  const heatLayer = await sharp(heat, { raw: { width: gridSize, height: gridSize, channels: 4 } })
    .resize(size, size, { kernel: 'cubic', fit: 'fill' })
    .png()
    .toBuffer();
  try {
    return await sharp(image, { failOn: 'truncated' })
      .rotate()
      .resize(size, size, { fit: 'cover', position: 'centre' })
      .removeAlpha()
      .composite([{ input: heatLayer }])
      .png()
      .toBuffer();
  } catch (error) {
    throw new Error(`renderExplanationOverlay: image is not decodable (${(error as Error).message.split('\n')[0]})`);
  }
}
