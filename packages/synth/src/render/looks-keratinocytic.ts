import type { LookFactory } from './look-kit.js';
import { mixRgb, randomPointInDisk, scaleRgb, setRgb } from './look-kit.js';
import { hashCell, smoothstep } from './noise.js';
import { applyPrimitives, branchingVessels, disk, type Primitive, type Rgb, segment } from './primitives.js';

/** Seborrhoeic keratosis-like: waxy tan, cerebriform fissures, milia-like cysts and comedo-like openings. */
export const keratosisLook: LookFactory = (abcd, rng) => {
  const tone = rng.uniform(0.88, 1.1);
  const base = scaleRgb([190, 150, 108], tone);
  const darker = scaleRgb([150, 110, 78], tone);
  const fissure = scaleRgb([126, 90, 64], tone);
  const spots: Primitive[] = [];
  for (let index = rng.int(5, 14); index > 0; index--) {
    const [x, y] = randomPointInDisk(rng, 0.78);
    spots.push(disk(x, y, rng.uniform(0.04, 0.08), [238, 230, 194], 0.95));
  }
  for (let index = rng.int(3, 8); index > 0; index--) {
    const [x, y] = randomPointInDisk(rng, 0.78);
    spots.push(disk(x, y, rng.uniform(0.03, 0.06), [86, 62, 46], 0.9));
  }
  return {
    edge: 0.035,
    edgeVariation: 0.2,
    shade(context, out) {
      setRgb(out, base);
      if (abcd.colours >= 2) mixRgb(out, darker, smoothstep(0.5, 0.62, context.n1));
      mixRgb(out, fissure, (1 - smoothstep(0.02, 0.06, Math.abs(context.fine - 0.5))) * 0.7);
      applyPrimitives(spots, context.lx, context.ly, out);
    },
  };
};

/** Basal cell carcinoma: translucent pink, arborizing vessels, blue-grey ovoid nests, shiny white areas. */
export const basalCellLook: LookFactory = (abcd, rng) => {
  const base: Rgb = scaleRgb([224, 168, 168], rng.uniform(0.95, 1.03));
  const structures: Primitive[] = [];
  if (abcd.colours >= 2) {
    for (let index = rng.int(2, 6); index > 0; index--) {
      const [x, y] = randomPointInDisk(rng, 0.7);
      const angle = rng.uniform(0, Math.PI);
      const length = rng.uniform(0.04, 0.12);
      const dx = Math.cos(angle) * length;
      const dy = Math.sin(angle) * length;
      structures.push(segment(x - dx, y - dy, x + dx, y + dy, rng.uniform(0.07, 0.13), [96, 106, 136], 0.9));
    }
  }
  const next = () => rng.next();
  for (let index = rng.int(2, 4); index > 0; index--) {
    const [x, y] = randomPointInDisk(rng, 0.6);
    const length = rng.uniform(0.3, 0.45);
    branchingVessels(
      next,
      x,
      y,
      rng.uniform(0, 2 * Math.PI),
      length,
      rng.uniform(0.022, 0.032),
      [198, 34, 52],
      3,
      structures,
    );
  }
  return {
    edge: 0.1,
    edgeVariation: 0.4,
    shade(context, out) {
      setRgb(out, base);
      if (abcd.colours >= 3) mixRgb(out, [240, 228, 228], smoothstep(0.66, 0.76, context.n2) * 0.9);
      applyPrimitives(structures, context.lx, context.ly, out);
    },
  };
};

/** Actinic keratosis / Bowen: red, white-yellow scale, strawberry pattern of follicular openings. */
export const actinicLook: LookFactory = (abcd, rng) => {
  const base = scaleRgb([214, 126, 116], rng.uniform(0.93, 1.05));
  const cell = rng.uniform(0.17, 0.23);
  const salt = rng.int(0, 2 ** 30);
  return {
    edge: 0.14,
    edgeVariation: 0.5,
    shade(context, out) {
      setRgb(out, base);
      const gx = context.lx / cell;
      const gy = context.ly / cell;
      const ix = Math.floor(gx);
      const iy = Math.floor(gy);
      const cx = ix + 0.5 + (hashCell(ix, iy, salt) - 0.5) * 0.4;
      const cy = iy + 0.5 + (hashCell(iy, ix, salt) - 0.5) * 0.4;
      mixRgb(
        out,
        [240, 228, 198],
        (1 - smoothstep(0.14, 0.26, Math.sqrt((gx - cx) ** 2 + (gy - cy) ** 2))) * 0.85,
      );
      if (abcd.colours >= 3 || context.n1 > 0.4) {
        mixRgb(out, [234, 224, 202], smoothstep(0.58, 0.72, context.n2) * (0.5 + 0.4 * context.fine));
      }
    },
  };
};

/** Vascular lesion: sharply bordered red and purple lacunae separated by pale septa. */
export const vascularLook: LookFactory = (abcd, rng) => {
  const septum = scaleRgb([212, 150, 160], rng.uniform(0.95, 1.03));
  const red: Rgb = [168, 30, 56];
  const purple: Rgb = [104, 36, 90];
  const purpleShare = abcd.colours >= 2 ? rng.uniform(0.3, 0.7) : 0;
  const cell = rng.uniform(0.24, 0.32);
  const salt = rng.int(0, 2 ** 30);
  return {
    edge: 0.04,
    edgeVariation: 0.2,
    shade(context, out) {
      setRgb(out, septum);
      const gx = context.lx / cell;
      const gy = context.ly / cell;
      const ix = Math.floor(gx);
      const iy = Math.floor(gy);
      const pick = hashCell(ix, iy, salt);
      const cx = ix + 0.5 + (hashCell(iy, ix, salt) - 0.5) * 0.2;
      const cy = iy + 0.5 + (pick - 0.5) * 0.2;
      const radius = 0.34 + 0.1 * hashCell(ix, iy, salt ^ 0x5bd1e995);
      mixRgb(
        out,
        pick < purpleShare ? purple : red,
        1 - smoothstep(radius - 0.08, radius, Math.sqrt((gx - cx) ** 2 + (gy - cy) ** 2)),
      );
    },
  };
};
