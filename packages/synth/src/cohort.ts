import { SYNTH_CLASSES } from './classes.js';
import { assignPatients, type DraftLesion, draftLesions, pad } from './cohort-lesions.js';
import { deviceFor } from './devices.js';
import { assignLabels } from './labels.js';
import { type CohortOptions, type ResolvedCohortOptions, resolveCohortOptions } from './options.js';
import { createRng, hashKey, type Rng } from './prng.js';
import type { SynthCohort, SynthImage, SynthPatient } from './types.js';

const DAY_MS = 86_400_000;

function addMonths(date: Date, months: number): Date {
  const shifted = new Date(date.getTime());
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  return shifted;
}

/**
 * Generates the metadata of a synthetic cohort: patients, lesions (cases) and images with their ground truth.
 * Fast (no pixels); render any image later with renderImage(image).
 */
export function generateCohort(options: CohortOptions = {}): SynthCohort {
  const resolved = resolveCohortOptions(options);
  const rng = createRng(resolved.seed, 'cohort');
  const nearDuplicateCount = Math.min(
    Math.round(resolved.imageCount * resolved.nearDuplicateFraction),
    Math.floor(resolved.imageCount / 2),
  );
  const drafts = draftLesions(resolved, resolved.imageCount - nearDuplicateCount, rng);
  const patients = assignPatients(resolved, drafts, rng);
  const patientById = new Map(patients.map((patient) => [patient.id, patient]));
  const images: SynthImage[] = [];
  for (const draft of drafts)
    images.push(
      ...draftImages(resolved, draft, patientById.get(draft.lesion.patientId)!, images.length, rng),
    );
  addNearDuplicates(resolved, images, nearDuplicateCount, rng);
  assignLabels(resolved, images, rng);
  return {
    seed: resolved.seed,
    classes: SYNTH_CLASSES,
    patients,
    cases: drafts.map((draft) => draft.lesion),
    images,
  };
}

function draftImages(
  options: ResolvedCohortOptions,
  draft: DraftLesion,
  patient: SynthPatient,
  offset: number,
  rng: Rng,
): SynthImage[] {
  const start = options.startDate.getTime();
  const end = addMonths(options.startDate, options.months).getTime();
  const driftAt = options.drift
    ? addMonths(options.startDate, options.drift.month).getTime()
    : Number.POSITIVE_INFINITY;
  const firstVisit = start + rng.next() * (end - start - DAY_MS);
  const lesionSeed = hashKey(options.seed, draft.lesion.id);
  const images: SynthImage[] = [];
  let visit = firstVisit;
  for (let index = 0; index < draft.imageCount; index++) {
    // Later images are either the same visit (another view) or a follow-up some weeks later.
    if (index > 0 && rng.chance(0.4)) visit = Math.min(visit + rng.uniform(30, 120) * DAY_MS, end - DAY_MS);
    const capturedAt = visit + index * rng.uniform(20, 300) * 1000;
    const afterDeviceChange = options.drift?.site === patient.hospitalSite && capturedAt >= driftAt;
    const device = deviceFor(patient.hospitalSite, afterDeviceChange);
    const modality = rng.chance(options.clinicalFraction) ? 'CLINICAL' : 'DERMOSCOPIC';
    const id = `${options.idPrefix}-img-${pad(offset + index + 1, 6)}`;
    const hair = rng.chance(options.hairFraction);
    const ruler = rng.chance(options.rulerFraction);
    images.push({
      id,
      caseId: draft.lesion.id,
      patientId: patient.id,
      hospitalSite: patient.hospitalSite,
      device: device.name,
      modality,
      capturedAt: new Date(capturedAt).toISOString(),
      diagnosis: draft.lesion.diagnosis,
      label: null,
      labelWrong: false,
      labelConfirmation: null,
      hasHair: hair,
      hasRuler: ruler,
      nearDuplicateOf: null,
      afterDeviceChange,
      render: {
        lesionSeed,
        viewSeed: hashKey(options.seed, id, 'view'),
        noiseSeed: hashKey(options.seed, id, 'noise'),
        diagnosis: draft.lesion.diagnosis,
        skinType: patient.skinType,
        abcd: draft.lesion.abcd,
        modality,
        device,
        rotation: rng.uniform(0, 2 * Math.PI),
        offsetX: clamp(rng.normal(0, 0.04), -0.1, 0.1),
        offsetY: clamp(rng.normal(0, 0.04), -0.1, 0.1),
        zoom: rng.uniform(0.88, 1.12) * (modality === 'CLINICAL' ? 0.45 : 1),
        exposure: rng.uniform(0.94, 1.06),
        hair,
        ruler,
      },
    });
  }
  return images;
}

/** A near-duplicate is the same capture taken again a few seconds later: same pose give or take a hair. */
function addNearDuplicates(
  options: ResolvedCohortOptions,
  images: SynthImage[],
  count: number,
  rng: Rng,
): void {
  const originals = rng.shuffle(images.map((_, index) => index)).slice(0, count);
  for (const originalIndex of originals) {
    const original = images[originalIndex];
    const id = `${options.idPrefix}-img-${pad(images.length + 1, 6)}`;
    const render = original.render;
    images.push({
      ...original,
      id,
      capturedAt: new Date(Date.parse(original.capturedAt) + rng.uniform(2, 30) * 1000).toISOString(),
      nearDuplicateOf: original.id,
      render: {
        ...render,
        noiseSeed: hashKey(options.seed, id, 'noise'),
        rotation: render.rotation + rng.uniform(-0.03, 0.03),
        offsetX: render.offsetX + rng.uniform(-0.006, 0.006),
        offsetY: render.offsetY + rng.uniform(-0.006, 0.006),
        zoom: render.zoom * rng.uniform(0.99, 1.01),
        exposure: render.exposure * rng.uniform(0.99, 1.01),
      },
    });
  }
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
