import type { Db } from '@dermino/db';
import { getMeta, refreshStatistics, seedConcepts, seedDemoUsers, setMeta } from '@dermino/db';
import { demoCohortOptions, encodeImage, generateCohort, renderImage } from '@dermino/synth';
import { storeImage } from '../intake/store-image.js';
import { DEMO_SOURCE, imageRows, patientRow } from './demo-rows.js';

export interface SeedDemoOptions {
  db: Db;
  /** `<DERMINO_HOME>/images` */
  imagesRoot: string;
  size: number;
  seed?: number;
  imageSize?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface SeedDemoResult {
  images: number;
  created: number;
  alreadyComplete: boolean;
  newImageIds: string[];
}

/** The meta row recording the generator's seed and size, from which the answer key is computed again. */
export const DEMO_SEED_META_KEY = 'demo-seed';
const META_KEY = DEMO_SEED_META_KEY;
export type SeedState = { status: 'running' | 'complete'; size: number; seed: number };

/**
 * Seeds the synthetic demo registry through the same intake as real images. Idempotent and resumable: rows are
 * keyed by their synthetic ids, batches commit in transactions, and the seed is marked complete only at the end,
 * so an interrupted seed is completed by the next run.
 */
export async function seedDemoRegistry(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const { db } = options;
  const seed = options.seed ?? 1;
  await seedConcepts(db);
  await seedDemoUsers(db);
  const state = await getMeta<SeedState>(db, META_KEY);
  if (state?.status === 'complete') {
    return { images: state.size, created: 0, alreadyComplete: true, newImageIds: [] };
  }
  // A resumed seed keeps the size it started with, so its ids stay the same.
  const size = state?.size ?? options.size;
  await setMeta(db, META_KEY, { status: 'running', size, seed } satisfies SeedState);

  const cohort = generateCohort(demoCohortOptions(seed, size));
  const referenceDate = new Date(cohort.images[0]?.capturedAt ?? Date.now());
  await db.patient.createMany({ data: cohort.patients.map((p) => patientRow(p, referenceDate)), skipDuplicates: true });
  const patients = await db.patient.findMany({ where: { source: DEMO_SOURCE }, select: { id: true, pseudonym: true } });
  const patientIdByPseudonym = new Map(patients.map((p) => [p.pseudonym, p.id]));
  const pseudonymById = new Map(cohort.patients.map((p) => [p.id, p.pseudonym]));
  await db.case.createMany({
    data: cohort.cases.map((lesion) => ({
      patientId: patientIdByPseudonym.get(pseudonymById.get(lesion.patientId)!)!,
      source: DEMO_SOURCE,
      externalId: lesion.id,
      site: lesion.anatomicalSite,
    })),
    skipDuplicates: true,
  });
  const cases = await db.case.findMany({ where: { source: DEMO_SOURCE }, select: { id: true, externalId: true } });
  const caseIdByExternal = new Map(cases.map((c) => [c.externalId!, c.id]));
  const concepts = await db.diagnosisConcept.findMany({ select: { id: true, code: true } });
  const conceptIdByCode = new Map(concepts.map((c) => [c.code, c.id]));

  const existing = await db.image.findMany({
    where: { source: { in: [...new Set(cohort.images.map((i) => i.hospitalSite))] } },
    select: { sourceImageId: true },
  });
  const done = new Set(existing.map((i) => i.sourceImageId));
  const todo = cohort.images.filter((image) => !done.has(image.id));
  const batchSize = options.batchSize ?? 50;
  const newImageIds: string[] = [];
  options.onProgress?.(done.size, cohort.images.length);
  for (let start = 0; start < todo.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const batch = todo.slice(start, start + batchSize);
    const rows = [];
    for (const image of batch) {
      const rendered = renderImage(image, { size: options.imageSize ?? 128 });
      const stored = await storeImage(await encodeImage(rendered, 'png'), { root: options.imagesRoot });
      rows.push(imageRows(image, stored, { caseId: caseIdByExternal.get(image.caseId)!, conceptIdByCode }));
    }
    await db.$transaction([
      db.image.createMany({ data: rows.map((r) => r.image) }),
      db.annotation.createMany({ data: rows.flatMap((r) => (r.annotation ? [r.annotation] : [])) }),
    ]);
    newImageIds.push(...rows.map((r) => r.image.id as string));
    options.onProgress?.(done.size + start + batch.length, cohort.images.length);
  }
  await setMeta(db, META_KEY, { status: 'complete', size, seed } satisfies SeedState);
  await refreshStatistics(db);
  return { images: cohort.images.length, created: todo.length, alreadyComplete: false, newImageIds };
}
