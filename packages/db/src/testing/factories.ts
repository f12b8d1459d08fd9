// Factories for tests that share one database: every row gets random unique names, so tests run in
// parallel without cleanup and filter on their own rows (by a unique source or site).
import { randomUUID } from 'node:crypto';
import type { Confirmation, DbClient, Modality, Role, Sex, SkinType } from '../client.js';
import { createUser, type UserRecord } from '../users.js';

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export interface TestPatientOptions {
  source?: string;
  sex?: Sex;
  skinType?: SkinType;
  ageBand?: string;
}

export async function createTestPatient(db: DbClient, options: TestPatientOptions = {}) {
  return db.patient.create({
    data: {
      pseudonym: uniqueName('patient'),
      source: options.source ?? uniqueName('source'),
      sex: options.sex ?? 'UNKNOWN',
      skinType: options.skinType ?? 'UNKNOWN',
      ageBand: options.ageBand ?? null,
    },
  });
}

export interface TestAnnotationOptions {
  /** A DiagnosisConcept code; the concept must exist (seedConcepts). */
  concept: string;
  confirmation?: Confirmation;
  annotator?: string;
  /** Index into the case's images; absent for a case-level annotation. */
  image?: number;
  createdAt?: Date;
}

export interface TestCaseOptions {
  source?: string;
  site?: string;
  patientId?: string;
  patient?: TestPatientOptions;
  createdAt?: Date;
  images?: { source?: string; modality?: Modality; storageKey?: string; device?: string }[];
  annotations?: TestAnnotationOptions[];
}

/** A case with its patient (made unless given), images (one by default) and annotations. */
export async function createTestCase(db: DbClient, options: TestCaseOptions = {}) {
  const source = options.source ?? uniqueName('source');
  const patientId = options.patientId ?? (await createTestPatient(db, { source, ...options.patient })).id;
  const created = await db.case.create({
    data: {
      patientId,
      source,
      externalId: uniqueName('case'),
      site: options.site ?? 'unknown',
      createdAt: options.createdAt,
    },
  });
  const images = [];
  for (const image of options.images ?? [{}]) {
    images.push(
      await db.image.create({
        data: {
          caseId: created.id,
          source: image.source ?? source,
          sourceImageId: uniqueName('image'),
          modality: image.modality ?? 'DERMOSCOPIC',
          device: image.device ?? null,
          storageKey: image.storageKey ?? null,
          width: 64,
          height: 48,
        },
      }),
    );
  }
  const annotations = [];
  for (const annotation of options.annotations ?? []) {
    const concept = await db.diagnosisConcept.findUniqueOrThrow({ where: { code: annotation.concept } });
    const image = annotation.image === undefined ? undefined : images[annotation.image];
    if (annotation.image !== undefined && !image)
      throw new Error(`createTestCase: no image ${annotation.image}`);
    annotations.push(
      await db.annotation.create({
        data: {
          caseId: image ? null : created.id,
          imageId: image?.id ?? null,
          conceptId: concept.id,
          annotator: annotation.annotator ?? 'test-reader',
          confirmation: annotation.confirmation ?? 'SINGLE_READER',
          createdAt: annotation.createdAt,
        },
      }),
    );
  }
  return { ...created, images, annotations };
}

export const TEST_PASSWORD = 'test-password-123';

export async function createTestUser(
  db: DbClient,
  options: { role?: Role; password?: string; email?: string } = {},
): Promise<UserRecord & { password: string }> {
  const password = options.password ?? TEST_PASSWORD;
  const email = options.email ?? `${uniqueName('user')}@test.dermino.local`;
  const user = await createUser(db, {
    email,
    name: uniqueName('Test User'),
    role: options.role ?? 'CLINICIAN',
    password,
  });
  return { ...user, password };
}
