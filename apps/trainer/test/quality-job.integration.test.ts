import fs from 'node:fs';
import path from 'node:path';
import { measureImageQuality } from '@dermino/analytics';
import { enqueueJob } from '@dermino/db';
import { createTestCase } from '@dermino/db/testing';
import { storeImage } from '@dermino/ingest';
import { encodeImage, generateCohort, renderImage } from '@dermino/synth';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityJob } from '../src/jobs/quality.js';
import type { JobHandler } from '../src/worker/job-handler.js';
import { isFinished, startTestWorker, tempDir, waitForJob } from './support.js';

const home = tempDir('dermino-quality-');
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  worker = await startTestWorker([qualityJob as JobHandler], home);
});
afterAll(async () => {
  await worker.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

async function storedSyntheticImages(count: number) {
  const cohort = generateCohort({ seed: 7, imageCount: count });
  const stored = [];
  for (const image of cohort.images.slice(0, count)) {
    const png = await encodeImage(renderImage(image, { size: 96 }), 'png');
    stored.push(await storeImage(png, { root: path.join(home, 'images') }));
  }
  return stored;
}

describe('the QUALITY job, end to end through the queue', () => {
  it('writes brightness, contrast, colour cast and blur of each image, as measured directly', async () => {
    const stored = await storedSyntheticImages(3);
    const testCase = await createTestCase(worker.db, { images: stored.map((s) => ({ storageKey: s.storageKey })) });
    const imageIds = testCase.images.map((image) => image.id);
    const job = await enqueueJob(worker.db, worker.queue, { kind: 'QUALITY', payload: { imageIds } });

    const finished = await waitForJob(worker.db, job.id, isFinished);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', step: 3, total: 3, attempts: 1, error: null });

    const rows = await worker.db.image.findMany({ where: { id: { in: imageIds } }, orderBy: { id: 'asc' } });
    for (const row of rows) {
      const file = path.join(home, 'images', row.storageKey!, 'working.webp');
      const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const expected = measureImageQuality({ width: info.width, height: info.height, channels: info.channels, data });
      expect(row.brightness).toBeCloseTo(expected.brightness, 6);
      expect(row.contrast).toBeCloseTo(expected.contrast, 6);
      expect(row.colorCast).toBeCloseTo(expected.colorCast, 6);
      expect(row.blurVariance).toBeCloseTo(expected.blurVariance, 6);
      expect(row.qualityAt).toBeInstanceOf(Date);
    }
  });

  it('reports an unreadable image and still measures the others', async () => {
    const [good] = await storedSyntheticImages(1);
    const testCase = await createTestCase(worker.db, { images: [{ storageKey: good.storageKey }, { storageKey: 'zz/missing' }] });
    const job = await enqueueJob(worker.db, worker.queue, { kind: 'QUALITY', payload: { imageIds: testCase.images.map((i) => i.id) } });
    expect(await waitForJob(worker.db, job.id, isFinished)).toMatchObject({ status: 'SUCCEEDED' });
    const [measured, missing] = await Promise.all(
      testCase.images.map((image) => worker.db.image.findUniqueOrThrow({ where: { id: image.id } })),
    );
    expect(measured.brightness).not.toBeNull();
    expect(missing.brightness).toBeNull();
    const logs = await worker.db.jobLog.findMany({ where: { jobId: job.id } });
    expect(logs.some((log) => log.level === 'warn' && log.message.includes('zz/missing'))).toBe(true);
  });

  it('fails a poisoned payload at once, with the reason, without retrying', async () => {
    const job = await enqueueJob(worker.db, worker.queue, { kind: 'QUALITY', payload: { imageIds: ['not-a-uuid'] } });
    const finished = await waitForJob(worker.db, job.id, isFinished);
    expect(finished.status).toBe('FAILED');
    expect(finished.attempts).toBe(1);
    expect(finished.error).toMatch(/^Invalid payload: .*imageIds/s);
  });
});
