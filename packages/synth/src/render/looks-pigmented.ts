import type { LookFactory } from './look-kit.js';
import { mixRgb, networkLine, randomPointInDisk, scaleRgb, setRgb } from './look-kit.js';
import { smoothstep } from './noise.js';
import { applyPrimitives, disk, type Primitive, type Rgb } from './primitives.js';

/** Nevus: small, round, one or two browns, a regular network that fades at the rim. */
export const nevusLook: LookFactory = (abcd, rng) => {
  const tone = rng.uniform(0.85, 1.12);
  const base = scaleRgb([150, 100, 68], tone);
  const centre = scaleRgb([116, 74, 50], tone);
  const frequency = rng.uniform(5, 7);
  const angle = rng.uniform(0, Math.PI);
  return {
    edge: 0.06,
    edgeVariation: 0.2,
    shade(context, out) {
      setRgb(out, base);
      if (abcd.colours >= 2) mixRgb(out, centre, (1 - context.u) * 0.8);
      const line = networkLine(context, frequency, angle, 0.12, 0.3) * (1 - smoothstep(0.7, 1, context.u));
      const darken = 1 - 0.32 * line;
      out[0] *= darken;
      out[1] *= darken;
      out[2] *= darken;
    },
  };
};

const MELANOMA_PALETTE: Rgb[] = [
  [172, 120, 84],
  [98, 62, 44],
  [46, 36, 36],
  [120, 132, 160],
  [192, 94, 94],
];

/** Melanoma: several colours unevenly spread, blue-white veil, atypical network, peripheral dots. */
export const melanomaLook: LookFactory = (abcd, rng) => {
  const direction = rng.uniform(0, 2 * Math.PI);
  const dx = Math.cos(direction);
  const dy = Math.sin(direction);
  const frequency = rng.uniform(4, 6);
  const angle = rng.uniform(0, Math.PI);
  const dots: Primitive[] = [];
  for (let index = rng.int(8, 20); index > 0; index--) {
    const [x, y] = randomPointInDisk(rng, 0.95);
    dots.push(disk(x, y, rng.uniform(0.02, 0.05), MELANOMA_PALETTE[2], 0.9));
  }
  return {
    edge: 0.08,
    edgeVariation: 0.9,
    shade(context, out) {
      const mix = Math.min(
        Math.max(0.6 * context.n1 + 0.4 * (0.5 + 0.5 * (context.lx * dx + context.ly * dy)), 0),
        1,
      );
      setRgb(out, MELANOMA_PALETTE[0]);
      mixRgb(out, MELANOMA_PALETTE[1], smoothstep(0.3, 0.45, mix));
      mixRgb(out, MELANOMA_PALETTE[2], smoothstep(0.6, 0.72, mix));
      if (abcd.colours >= 4) mixRgb(out, MELANOMA_PALETTE[3], smoothstep(0.55, 0.68, context.n2) * 0.85);
      if (abcd.colours >= 5) mixRgb(out, MELANOMA_PALETTE[4], smoothstep(0.62, 0.75, context.n3) * 0.8);
      const line = networkLine(context, frequency, angle, 0.7, 0.45) * smoothstep(0.55, 0.35, context.n3);
      const darken = 1 - 0.4 * line;
      out[0] *= darken;
      out[1] *= darken;
      out[2] *= darken;
      applyPrimitives(dots, context.lx, context.ly, out);
    },
  };
};

/** Dermatofibroma: light-brown rim with a delicate network around a central white scar-like patch. */
export const dermatofibromaLook: LookFactory = (_abcd, rng) => {
  const tone = rng.uniform(0.9, 1.1);
  const rim = scaleRgb([178, 128, 92], tone);
  const patch: Rgb = [238, 224, 210];
  const centreX = rng.uniform(-0.1, 0.1);
  const centreY = rng.uniform(-0.1, 0.1);
  const radiusX = rng.uniform(0.32, 0.48);
  const radiusY = rng.uniform(0.32, 0.48);
  const frequency = rng.uniform(7, 9);
  const angle = rng.uniform(0, Math.PI);
  return {
    edge: 0.22,
    edgeVariation: 0.3,
    shade(context, out) {
      setRgb(out, rim);
      const line = networkLine(context, frequency, angle, 0.2, 0.18);
      const darken = 1 - 0.22 * line;
      out[0] *= darken;
      out[1] *= darken;
      out[2] *= darken;
      const distance =
        Math.sqrt(((context.lx - centreX) / radiusX) ** 2 + ((context.ly - centreY) / radiusY) ** 2) +
        (context.n2 - 0.5) * 0.5;
      mixRgb(out, patch, 1 - smoothstep(0.65, 1, distance));
    },
  };
};
