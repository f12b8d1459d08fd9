import { randomUUID } from 'node:crypto';
import type { Prisma, SkinType } from '@dermino/db';
import type { SynthImage, SynthPatient } from '@dermino/synth';

export const DEMO_SOURCE = 'synthetic-demo';
const SKIN_TYPES: SkinType[] = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export function ageBand(birthYear: number, at: Date): string {
  const age = at.getUTCFullYear() - birthYear;
  const low = Math.floor(age / 10) * 10;
  return `${low}-${low + 9}`;
}

export function patientRow(patient: SynthPatient, referenceDate: Date): Prisma.PatientCreateManyInput {
  return {
    pseudonym: patient.pseudonym,
    sex: patient.sex,
    birthYear: patient.birthYear,
    ageBand: ageBand(patient.birthYear, referenceDate),
    skinType: SKIN_TYPES[patient.skinType - 1],
    source: DEMO_SOURCE,
  };
}

export function imageRows(
  image: SynthImage,
  stored: { sha256: string; storageKey: string; width: number; height: number; perceptualHash: string },
  ids: { caseId: string; conceptIdByCode: Map<string, string> },
): { image: Prisma.ImageCreateManyInput; annotation: Prisma.AnnotationCreateManyInput | null } {
  const imageId = randomUUID();
  const annotation =
    image.label === null
      ? null
      : {
          imageId,
          conceptId: ids.conceptIdByCode.get(image.label)!,
          annotator: 'synthetic-reader',
          confirmation: image.labelConfirmation ?? 'SINGLE_READER',
        };
  return {
    image: {
      id: imageId,
      caseId: ids.caseId,
      source: image.hospitalSite,
      sourceImageId: image.id,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      width: stored.width,
      height: stored.height,
      modality: image.modality,
      device: image.device,
      capturedAt: new Date(image.capturedAt),
      perceptualHash: stored.perceptualHash,
    },
    annotation,
  };
}
