import path from 'node:path';
import type { Confirmation, Db, SkinType } from '@dermino/db';
import { createTestCase } from '@dermino/db/testing';
import { storeImage } from '@dermino/ingest';
import { encodeImage, generateCohort, renderImage } from '@dermino/synth';

export interface E2eCase {
  id: string;
  pseudonym: string;
  site: string;
  source: string;
  skinType: SkinType;
  diagnosis: string | null;
  imageCount: number;
}

interface CaseSpec {
  site: string;
  source: string;
  skinType: SkinType;
  diagnosis?: { code: string; confirmation: Confirmation };
  images: number;
}

// Seven cases, newest first, chosen so every filter has a known answer (site "back": 3, unlabelled: 1, ...).
export const E2E_CASE_SPECS: readonly CaseSpec[] = [
  {
    site: 'back',
    source: 'hospital-a',
    skinType: 'II',
    diagnosis: { code: 'mel', confirmation: 'HISTOPATHOLOGY' },
    images: 1,
  },
  {
    site: 'back',
    source: 'hospital-a',
    skinType: 'III',
    diagnosis: { code: 'nv', confirmation: 'FOLLOW_UP' },
    images: 1,
  },
  {
    site: 'face',
    source: 'hospital-a',
    skinType: 'V',
    diagnosis: { code: 'bcc', confirmation: 'HISTOPATHOLOGY' },
    images: 1,
  },
  {
    site: 'lower_extremity',
    source: 'hospital-a',
    skinType: 'VI',
    diagnosis: { code: 'nv', confirmation: 'CONSENSUS' },
    images: 1,
  },
  { site: 'trunk', source: 'hospital-b', skinType: 'I', images: 1 },
  {
    site: 'back',
    source: 'hospital-b',
    skinType: 'IV',
    diagnosis: { code: 'bkl', confirmation: 'SINGLE_READER' },
    images: 1,
  },
  {
    site: 'face',
    source: 'hospital-b',
    skinType: 'UNKNOWN',
    diagnosis: { code: 'df', confirmation: 'SINGLE_READER' },
    images: 2,
  },
];

export const E2E_MEASURED_IMAGE = {
  capturedAt: new Date('2026-03-04T09:15:00Z'),
  width: 192,
  height: 192,
  brightness: 0.52,
  contrast: 0.18,
  colorCast: 0.031,
  blurVariance: 412.5,
};

/** Real synthetic lesion images through the real intake (so thumb.webp / working.webp exist), in factory cases. */
export async function seedE2eCases(db: Db, home: string): Promise<E2eCase[]> {
  const imageCount = E2E_CASE_SPECS.reduce((sum, spec) => sum + spec.images, 0);
  const cohort = generateCohort({ seed: 11, imageCount });
  const newest = Date.now();
  const seeded: E2eCase[] = [];
  let next = 0;
  for (const [index, spec] of E2E_CASE_SPECS.entries()) {
    const images = [];
    for (let i = 0; i < spec.images; i += 1) {
      const synthImage = cohort.images[next++]!;
      const png = await encodeImage(renderImage(synthImage, { size: 192 }), 'png');
      const stored = await storeImage(png, { root: path.join(home, 'images') });
      images.push({
        storageKey: stored.storageKey,
        modality: synthImage.modality,
        device: synthImage.device,
        source: spec.source,
      });
    }
    const created = await createTestCase(db, {
      site: spec.site,
      source: spec.source,
      patient: { skinType: spec.skinType, sex: index % 2 ? 'MALE' : 'FEMALE', ageBand: '40-49' },
      createdAt: new Date(newest - index * 60_000),
      images,
      annotations: spec.diagnosis
        ? [
            {
              concept: spec.diagnosis.code,
              confirmation: spec.diagnosis.confirmation,
              annotator: 'dr-e2e',
              image: 0,
            },
          ]
        : [],
    });
    if (index === 0) {
      // One image as the quality job and a real import would leave it, to check the case page shows it.
      await db.image.update({ where: { id: created.images[0]!.id }, data: E2E_MEASURED_IMAGE });
    }
    const patient = await db.patient.findUniqueOrThrow({
      where: { id: created.patientId },
      select: { pseudonym: true },
    });
    seeded.push({
      id: created.id,
      pseudonym: patient.pseudonym,
      site: spec.site,
      source: spec.source,
      skinType: spec.skinType,
      diagnosis: spec.diagnosis?.code ?? null,
      imageCount: spec.images,
    });
  }
  return seeded;
}
