/**
 * Okabe & Ito's colour-blind-safe palette (2008), in the order series take it. Yellow is last: it is hard to see
 * on white, so it is only reached with eight series.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
] as const;

export function seriesColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length];
}

/** Alerts and thresholds: vermillion, distinguishable from blue/green series for every common colour deficiency. */
export const ALERT_COLOUR = '#D55E00';

// A single-hue blue ramp: ordered lightness reads the same for colour-blind viewers, and greyed cells stay apart.
const RAMP_LIGHT = [239, 246, 252];
const RAMP_DARK = [8, 69, 148];

/** A sequential colour for t in [0, 1] (light to dark blue). */
export function sequentialColour(t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const channel = (i: number) => Math.round(RAMP_LIGHT[i] + (RAMP_DARK[i] - RAMP_LIGHT[i]) * clamped);
  return `rgb(${channel(0)} ${channel(1)} ${channel(2)})`;
}

/** Dark text on light cells, white on dark ones. */
export function textColourOn(t: number): string {
  return t > 0.55 ? '#ffffff' : '#16191e';
}
