import path from 'node:path';
import type { Db } from '@dermino/db';
import { createTestCase, createTestPatient, createTestUser, uniqueName } from '@dermino/db/testing';
import { storeImage } from '@dermino/ingest';
import { encodeImage, generateCohort, renderImage } from '@dermino/synth';
import { seedPredictChampion } from './seed-predict';

export interface LabellingSeed {
  /** The source of this file's images: the workbench is opened with ?source= so it serves only these. */
  source: string;
  imageIds: string[];
  secondReader: { email: string; password: string };
}

/**
 * Unlabelled synthetic lesions for the labelling workbench (two lesions per patient, so each has another lesion to
 * show), a real champion to rank and suggest (seed-predict's tiny ViT, which also embeds every image for the
 * similar cases), and a second clinician.
 */
export async function seedLabelling(db: Db, home: string, count: number): Promise<LabellingSeed> {
  const source = uniqueName('label-e2e');
  const cohort = generateCohort({ seed: 41, imageCount: count });
  const imageIds: string[] = [];
  let patientId = '';
  for (const [index, lesion] of cohort.images.entries()) {
    const png = await encodeImage(renderImage(lesion, { size: 192 }), 'png');
    const stored = await storeImage(png, { root: path.join(home, 'images') });
    if (index % 2 === 0) patientId = (await createTestPatient(db, { source, skinType: 'III' })).id;
    const created = await createTestCase(db, {
      source,
      patientId,
      site: index % 2 ? 'back' : 'trunk',
      images: [{ storageKey: stored.storageKey, modality: lesion.modality, device: lesion.device }],
    });
    imageIds.push(created.images[0]!.id);
  }
  await seedPredictChampion(db, home);
  const reader = await createTestUser(db, {
    role: 'CLINICIAN',
    email: `${uniqueName('reader')}@test.dermino.local`,
  });
  return { source, imageIds, secondReader: { email: reader.email, password: reader.password } };
}
