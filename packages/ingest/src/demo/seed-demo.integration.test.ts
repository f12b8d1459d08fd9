import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {} from '@dermino/db/testing/global-setup';
import { createDb, getMeta } from '@dermino/db';
import { demoCohortOptions, generateCohort } from '@dermino/synth';
import sharp from 'sharp';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { seedDemoRegistry } from './seed-demo.js';

// One seed per test database: the demo registry is a singleton by design (keyed by its synthetic ids).
const db = createDb({ url: inject('databaseUrl') });
const imagesRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-seed-images-'));
afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(imagesRoot, { recursive: true, force: true });
});

describe('seedDemoRegistry', () => {
  it('registers the synthetic cohort exactly, with stored, metadata-free images, and is idempotent', async () => {
    const size = 60;
    const cohort = generateCohort(demoCohortOptions(1, size));
    const progress: number[] = [];
    const result = await seedDemoRegistry({ db, imagesRoot, size, batchSize: 16, onProgress: (done) => progress.push(done) });
    expect(result).toMatchObject({ images: size, created: size, alreadyComplete: false });
    expect(progress.at(-1)).toBe(size);

    const images = await db.image.findMany({
      where: { sourceImageId: { in: cohort.images.map((i) => i.id) } },
      include: { annotations: { include: { concept: true } }, case: { include: { patient: true } } },
    });
    expect(images).toHaveLength(size);
    expect(new Set(images.map((i) => i.caseId)).size).toBe(cohort.cases.length);
    expect(new Set(images.map((i) => i.case.patientId)).size).toBe(cohort.patients.length);
    const byId = new Map(cohort.images.map((image) => [image.id, image]));
    for (const image of images) {
      const truth = byId.get(image.sourceImageId!)!;
      expect(image.source).toBe(truth.hospitalSite);
      expect(image.device).toBe(truth.device);
      expect(image.capturedAt?.toISOString()).toBe(new Date(truth.capturedAt).toISOString());
      // Only the observed label is registered, never the hidden truth of an unlabelled image.
      expect(image.annotations.map((a) => a.concept.code)).toEqual(truth.label ? [truth.label] : []);
    }
    const labelled = images.filter((image) => image.annotations.length > 0).length;
    expect(labelled).toBe(cohort.images.filter((image) => image.label !== null).length);

    const sample = images[0];
    const folder = path.join(imagesRoot, sample.storageKey!);
    const thumb = await sharp(path.join(folder, 'thumb.webp')).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBeLessThanOrEqual(160);
    const original = await sharp(path.join(folder, 'original.png')).metadata();
    expect(original.exif).toBeUndefined();
    expect(await getMeta(db, 'demo-seed')).toMatchObject({ status: 'complete', size });

    const again = await seedDemoRegistry({ db, imagesRoot, size });
    expect(again).toMatchObject({ alreadyComplete: true, created: 0 });
    expect(await db.image.count({ where: { sourceImageId: { in: cohort.images.map((i) => i.id) } } })).toBe(size);
  });
});
