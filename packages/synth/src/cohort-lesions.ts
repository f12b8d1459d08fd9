import { getSynthClass, SYNTH_CLASS_CODES, type SynthClassCode } from './classes.js';
import { HOSPITAL_SITE_WEIGHTS, HOSPITAL_SITES } from './devices.js';
import type { ResolvedCohortOptions } from './options.js';
import { hashKey, type Rng } from './prng.js';
import { FITZPATRICK_TYPES, FITZPATRICK_WEIGHTS } from './skin.js';
import type { SynthCase, SynthPatient } from './types.js';

/** HAM10000 localisations; keratinocyte cancers favour sun-exposed sites. */
const BODY_SITES = [
  'back',
  'lower extremity',
  'trunk',
  'upper extremity',
  'abdomen',
  'chest',
  'face',
  'neck',
  'scalp',
  'ear',
  'hand',
  'foot',
];
const BODY_SITE_WEIGHTS = [0.24, 0.2, 0.14, 0.12, 0.1, 0.08, 0.05, 0.03, 0.01, 0.01, 0.01, 0.01];
const SUN_SITE_WEIGHTS = [0.14, 0.04, 0.06, 0.12, 0.02, 0.1, 0.3, 0.08, 0.06, 0.04, 0.04, 0];

/** Splits imageCount into per-class quotas by largest remainder, so the image mix matches the prior closely. */
export function allocateClassQuotas(
  prior: Record<SynthClassCode, number>,
  imageCount: number,
): Record<SynthClassCode, number> {
  const raw = SYNTH_CLASS_CODES.map((code) => prior[code] * imageCount);
  const quotas = raw.map(Math.floor);
  let left = imageCount - quotas.reduce((sum, quota) => sum + quota, 0);
  const byRemainder = raw
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    quotas[index]++;
  }
  return Object.fromEntries(SYNTH_CLASS_CODES.map((code, index) => [code, quotas[index]])) as Record<
    SynthClassCode,
    number
  >;
}

/** Weights 1/n^power over 1..max: most lesions have one or two images, a few have more. */
function harmonicWeights(max: number, power: number): { values: number[]; weights: number[] } {
  const values = Array.from({ length: max }, (_, index) => index + 1);
  return { values, weights: values.map((value) => 1 / value ** power) };
}

export interface DraftLesion {
  lesion: SynthCase;
  imageCount: number;
}

export function draftLesions(
  options: ResolvedCohortOptions,
  baseImageCount: number,
  rng: Rng,
): DraftLesion[] {
  const quotas = allocateClassQuotas(options.classPrior, baseImageCount);
  const perLesion = harmonicWeights(options.maxImagesPerLesion, 1);
  const drafts: DraftLesion[] = [];
  for (const code of SYNTH_CLASS_CODES) {
    const cls = getSynthClass(code);
    let remaining = quotas[code];
    while (remaining > 0) {
      const imageCount = Math.min(remaining, rng.pickWeighted(perLesion.values, perLesion.weights));
      remaining -= imageCount;
      const sunSite = code === 'bcc' || code === 'akiec';
      drafts.push({
        imageCount,
        lesion: {
          id: '',
          patientId: '',
          anatomicalSite: rng.pickWeighted(BODY_SITES, sunSite ? SUN_SITE_WEIGHTS : BODY_SITE_WEIGHTS),
          diagnosis: code,
          abcd: {
            asymmetry: round3(rng.uniform(...cls.asymmetry)),
            border: round3(rng.uniform(...cls.border)),
            colours: rng.int(...cls.colours),
            diameterMm: round3(rng.uniform(...cls.diameterMm)),
          },
        },
      });
    }
  }
  rng.shuffle(drafts);
  drafts.forEach((draft, index) => {
    draft.lesion.id = `${options.idPrefix}-case-${pad(index + 1, 5)}`;
  });
  return drafts;
}

/** Groups the (shuffled) lesions into patients, most with one lesion, some with several. */
export function assignPatients(
  options: ResolvedCohortOptions,
  drafts: DraftLesion[],
  rng: Rng,
): SynthPatient[] {
  const perPatient = harmonicWeights(options.maxLesionsPerPatient, 1.5);
  const patients: SynthPatient[] = [];
  let cursor = 0;
  while (cursor < drafts.length) {
    const id = `${options.idPrefix}-patient-${pad(patients.length + 1, 5)}`;
    patients.push({
      id,
      // Opaque but unique: a hash of (seed, id) plus the running number.
      pseudonym: `PSN-${hashKey(options.seed, id).toString(36).toUpperCase()}-${patients.length + 1}`,
      sex: rng.chance(0.5) ? 'FEMALE' : 'MALE',
      birthYear: Math.round(rng.uniform(1935, 2006)),
      skinType: rng.pickWeighted(FITZPATRICK_TYPES, FITZPATRICK_WEIGHTS),
      hospitalSite: rng.pickWeighted(HOSPITAL_SITES, HOSPITAL_SITE_WEIGHTS),
    });
    const lesionCount = rng.pickWeighted(perPatient.values, perPatient.weights);
    for (const draft of drafts.slice(cursor, cursor + lesionCount)) draft.lesion.patientId = id;
    cursor += lesionCount;
  }
  return patients;
}

export const pad = (value: number, width: number) => value.toString().padStart(width, '0');
const round3 = (value: number) => Math.round(value * 1000) / 1000;
