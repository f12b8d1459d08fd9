import type { FitzpatrickType } from './types.js';

export const FITZPATRICK_TYPES: readonly FitzpatrickType[] = [1, 2, 3, 4, 5, 6];
/** A mix with a real share of darker skin, unlike most dermoscopy archives. */
export const FITZPATRICK_WEIGHTS: readonly number[] = [0.08, 0.25, 0.27, 0.18, 0.13, 0.09];

/** Mean skin colour under a dermoscope, per Fitzpatrick type (sRGB). */
export const FITZPATRICK_PALETTE: Readonly<Record<FitzpatrickType, readonly [number, number, number]>> = {
  1: [242, 206, 190],
  2: [228, 184, 158],
  3: [205, 156, 120],
  4: [168, 118, 84],
  5: [122, 82, 56],
  6: [80, 54, 38],
};

/**
 * How much of the lesion's pigment contrast survives on this skin: melanin in the surrounding epidermis
 * absorbs much of the light, so lesions on darker skin stand out less (as in real photographs).
 */
export const LESION_CONTRAST: Readonly<Record<FitzpatrickType, number>> = {
  1: 1,
  2: 0.95,
  3: 0.87,
  4: 0.77,
  5: 0.67,
  6: 0.58,
};

/** Lesion colours are authored against this skin; the renderer turns them into transmittances. */
export const REFERENCE_SKIN = FITZPATRICK_PALETTE[2];
