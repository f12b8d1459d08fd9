/** The seven HAM10000 diagnosis codes, which the registry seeds as concepts. */
export const SYNTH_CLASS_CODES = ['nv', 'mel', 'bkl', 'bcc', 'akiec', 'vasc', 'df'] as const;
export type SynthClassCode = (typeof SYNTH_CLASS_CODES)[number];

export interface SynthClass {
  code: SynthClassCode;
  name: string;
  malignant: boolean;
  /** Default share of images: imbalanced like real data (nv most frequent), but every class learnable at 2,000. */
  defaultPrior: number;
  /** ABCD ranges the lesion generator draws from. Asymmetry and border are 0..1 scores. */
  diameterMm: readonly [number, number];
  asymmetry: readonly [number, number];
  border: readonly [number, number];
  colours: readonly [number, number];
}

export const SYNTH_CLASSES: readonly SynthClass[] = [
  {
    code: 'nv',
    name: 'Melanocytic nevus',
    malignant: false,
    defaultPrior: 0.35,
    diameterMm: [3, 6],
    asymmetry: [0, 0.15],
    border: [0, 0.15],
    colours: [1, 2],
  },
  {
    code: 'mel',
    name: 'Melanoma',
    malignant: true,
    defaultPrior: 0.15,
    diameterMm: [7, 14],
    asymmetry: [0.55, 1],
    border: [0.5, 1],
    colours: [3, 5],
  },
  {
    code: 'bkl',
    name: 'Benign keratosis-like lesion',
    malignant: false,
    defaultPrior: 0.14,
    diameterMm: [5, 10],
    asymmetry: [0.1, 0.4],
    border: [0.05, 0.25],
    colours: [1, 2],
  },
  {
    code: 'bcc',
    name: 'Basal cell carcinoma',
    malignant: true,
    defaultPrior: 0.12,
    diameterMm: [5, 11],
    asymmetry: [0.25, 0.6],
    border: [0.25, 0.6],
    colours: [2, 3],
  },
  {
    code: 'akiec',
    name: 'Actinic keratosis / intraepithelial carcinoma',
    malignant: true,
    defaultPrior: 0.09,
    diameterMm: [5, 10],
    asymmetry: [0.2, 0.5],
    border: [0.3, 0.6],
    colours: [2, 3],
  },
  {
    code: 'vasc',
    name: 'Vascular lesion',
    malignant: false,
    defaultPrior: 0.075,
    diameterMm: [3, 7],
    asymmetry: [0, 0.25],
    border: [0, 0.2],
    colours: [2, 2],
  },
  {
    code: 'df',
    name: 'Dermatofibroma',
    malignant: false,
    defaultPrior: 0.075,
    diameterMm: [4, 8],
    asymmetry: [0.05, 0.3],
    border: [0.1, 0.3],
    colours: [2, 2],
  },
];

export function classIndexOf(code: SynthClassCode): number {
  const index = SYNTH_CLASS_CODES.indexOf(code);
  if (index < 0)
    throw new Error(`Unknown synth class code "${code}"; expected one of ${SYNTH_CLASS_CODES.join(', ')}`);
  return index;
}

export function getSynthClass(code: SynthClassCode): SynthClass {
  return SYNTH_CLASSES[classIndexOf(code)];
}
