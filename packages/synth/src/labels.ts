import type { SynthClassCode } from './classes.js';
import type { ResolvedCohortOptions } from './options.js';
import type { Rng } from './prng.js';
import type { SynthConfirmation, SynthImage } from './types.js';

/** Wrong labels are the plausible confusions a reader makes, not uniform noise. */
const CONFUSIONS: Readonly<Record<SynthClassCode, readonly SynthClassCode[]>> = {
  nv: ['mel', 'bkl', 'df'],
  mel: ['nv', 'bkl'],
  bkl: ['mel', 'nv', 'akiec'],
  bcc: ['akiec', 'bkl', 'mel'],
  akiec: ['bcc', 'bkl'],
  vasc: ['nv', 'bcc'],
  df: ['nv', 'bkl'],
};

function confirmationFor(code: SynthClassCode, rng: Rng): SynthConfirmation {
  if (code === 'mel' || code === 'bcc' || code === 'akiec') return 'HISTOPATHOLOGY';
  if (code === 'nv') return rng.chance(0.5) ? 'FOLLOW_UP' : 'HISTOPATHOLOGY';
  return rng.chance(0.6) ? 'CONSENSUS' : 'SINGLE_READER';
}

/** Labels an exact share of images, then flips an exact share of those labels (rounded). */
export function assignLabels(options: ResolvedCohortOptions, images: SynthImage[], rng: Rng): void {
  const labelledCount = Math.round(images.length * options.labelledFraction);
  const labelled = rng.shuffle(images.map((_, index) => index)).slice(0, labelledCount);
  const wrongCount = Math.round(labelledCount * options.labelNoise);
  labelled.forEach((imageIndex, order) => {
    const image = images[imageIndex];
    const wrong = order < wrongCount;
    image.label = wrong ? rng.pick(CONFUSIONS[image.diagnosis]) : image.diagnosis;
    image.labelWrong = wrong;
    image.labelConfirmation = confirmationFor(image.label, rng);
  });
}
