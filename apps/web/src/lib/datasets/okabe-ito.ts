// The Okabe–Ito palette (Okabe & Ito 2008): distinguishable with every common colour-vision deficiency.
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export const SPLIT_COLOURS = {
  TRAIN: OKABE_ITO.blue,
  VAL: OKABE_ITO.orange,
  TEST: OKABE_ITO.bluishGreen,
} as const;
