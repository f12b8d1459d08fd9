import { createRng } from '../prng.js';
import { FITZPATRICK_PALETTE, LESION_CONTRAST, REFERENCE_SKIN } from '../skin.js';
import type { RenderSpec, SynthImage } from '../types.js';
import { drawHairs, drawRuler, FIELD_OF_VIEW_MM } from './artefacts.js';
import { applyDevice } from './device-effects.js';
import { createRadiusTable, radiusAt } from './lesion-shape.js';
import type { LookContext } from './look-kit.js';
import { LOOKS } from './looks.js';
import { createNoiseField, smoothstep } from './noise.js';

export interface RenderOptions {
  /** Width and height in pixels (square). Default 128. */
  size?: number;
  /** Also return the ground-truth lesion mask (1 inside, 0 outside). */
  withMask?: boolean;
}

export interface RenderedImage {
  width: number;
  height: number;
  channels: 3;
  /** Interleaved RGB, row-major. */
  data: Uint8Array;
  mask?: Uint8Array;
}

/**
 * Renders one image from its record alone (no cohort needed), deterministically: the same record and size
 * give the same bytes. Geometry is resolution-independent, so a 32 px render is a small version of a 256 px one.
 */
export function renderImage(image: SynthImage | RenderSpec, options: RenderOptions = {}): RenderedImage {
  const spec: RenderSpec = 'render' in image ? image.render : image;
  const size = options.size ?? 128;
  if (!Number.isInteger(size) || size < 8 || size > 4096) {
    throw new RangeError(`renderImage: option "size" must be an integer in [8, 4096] (got ${size})`);
  }
  const pixels = paintScene(spec, size, options.withMask ? new Uint8Array(size * size) : undefined);
  const viewRng = createRng(spec.viewSeed, 'artefacts');
  if (spec.hair) drawHairs(pixels.rgb, size, viewRng);
  if (spec.ruler) drawRuler(pixels.rgb, size, viewRng);
  const data = applyDevice(pixels.rgb, size, spec.device, spec.exposure, spec.noiseSeed);
  return { width: size, height: size, channels: 3, data, ...(pixels.mask ? { mask: pixels.mask } : {}) };
}

/** Skin plus lesion, in float RGB; the lesion is a transmittance over the skin, damped on darker skin. */
function paintScene(
  spec: RenderSpec,
  size: number,
  mask?: Uint8Array,
): { rgb: Float32Array; mask?: Uint8Array } {
  const lesionRng = createRng(spec.lesionSeed, 'lesion');
  const outline = createRadiusTable(spec.abcd.asymmetry, spec.abcd.border, lesionRng);
  const look = LOOKS[spec.diagnosis](spec.abcd, lesionRng);
  const fields = [6, 8, 5, 16].map((cells) => createNoiseField(lesionRng, cells, 1.7));
  const skinJitter = lesionRng.uniform(0.95, 1.05);
  const mottle = createNoiseField(createRng(spec.viewSeed, 'skin'), 6, 0.6);
  const skin = FITZPATRICK_PALETTE[spec.skinType].map((value) => value * skinJitter);
  const contrast = LESION_CONTRAST[spec.skinType];
  const clinical = spec.modality === 'CLINICAL';
  const lesionRadius = (spec.abcd.diameterMm / 2 / FIELD_OF_VIEW_MM) * spec.zoom;
  const cos = Math.cos(spec.rotation) / lesionRadius;
  const sin = Math.sin(spec.rotation) / lesionRadius;
  const rgb = new Float32Array(size * size * 3);
  const colour = new Float32Array(3);
  const context: LookContext = { lx: 0, ly: 0, u: 0, n1: 0, n2: 0, n3: 0, fine: 0 };
  for (let y = 0; y < size; y++) {
    const ny = (y + 0.5) / size - 0.5 - spec.offsetY;
    for (let x = 0; x < size; x++) {
      const nx = (x + 0.5) / size - 0.5 - spec.offsetX;
      // Clinical photos lack immersion fluid: more mottling and uneven light.
      const light = 1 + (mottle.at(nx, ny) - 0.5) * (clinical ? 0.16 : 0.07) + (clinical ? nx * 0.12 : 0);
      const offset = (y * size + x) * 3;
      let r = skin[0] * light;
      let g = skin[1] * light;
      let b = skin[2] * light;
      const lx = nx * cos + ny * sin;
      const ly = -nx * sin + ny * cos;
      const distance = Math.sqrt(lx * lx + ly * ly);
      if (distance < 1.9) {
        context.lx = lx;
        context.ly = ly;
        context.n3 = fields[2].at(lx, ly);
        context.u = distance / radiusAt(outline, Math.atan2(ly, lx));
        const edge = look.edge * (1 + look.edgeVariation * (context.n3 - 0.5) * 2);
        const alpha = 1 - smoothstep(1 - edge, 1 + edge, context.u);
        if (alpha > 0) {
          context.n1 = fields[0].at(lx, ly);
          context.n2 = fields[1].at(lx, ly);
          context.fine = fields[3].at(lx, ly);
          look.shade(context, colour);
          const weight = contrast * alpha;
          r *= 1 + weight * (colour[0] / REFERENCE_SKIN[0] - 1);
          g *= 1 + weight * (colour[1] / REFERENCE_SKIN[1] - 1);
          b *= 1 + weight * (colour[2] / REFERENCE_SKIN[2] - 1);
          if (mask && alpha >= 0.5) mask[y * size + x] = 1;
        }
      }
      rgb[offset] = r;
      rgb[offset + 1] = g;
      rgb[offset + 2] = b;
    }
  }
  return { rgb, mask };
}
