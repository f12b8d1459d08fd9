import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDb, createJob, saveDataAudit, saveDriftReport } from '@dermino/db';
import { computeAnswerKey, demoCohortOptions } from '@dermino/synth';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { demoVersion, testHome } from './demo-fixture.js';

const bin = fileURLToPath(new URL('../bin/dermino.mjs', import.meta.url));
const run = promisify(execFile);
const db = createDb({ url: inject('databaseUrl') });
afterAll(() => db.$disconnect());

async function dermino(args: string[]) {
  fs.mkdirSync(testHome(), { recursive: true });
  return run(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrl'), DERMINO_HOME: testHome() },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('dermino demo answer-key', () => {
  it('prints what the generator planted in the seeded demo registry, and it matches the registry', async () => {
    await demoVersion(db);
    const { stdout } = await dermino(['demo', 'answer-key', '--json']);
    const key = JSON.parse(stdout);
    expect(key).toEqual(computeAnswerKey(demoCohortOptions(1, 240)));
    expect(key.drift).toEqual({ site: 'site-b', month: '2025-09' });
    expect(key.wrongLabels.length).toBeGreaterThan(0);
    expect(key.nearDuplicates.length).toBeGreaterThan(0);

    // The key speaks of the registry's images: every id is a stored image, and each planted wrong label is the
    // registered annotation, which differs from the truth.
    const images = await db.image.findMany({
      where: { sourceImageId: { in: Object.keys(key.truth) } },
      select: {
        sourceImageId: true,
        source: true,
        capturedAt: true,
        device: true,
        annotations: { select: { concept: { select: { code: true } } } },
      },
    });
    expect(images).toHaveLength(Object.keys(key.truth).length);
    const bySource = new Map(images.map((image) => [image.sourceImageId!, image]));
    for (const id of key.wrongLabels) {
      const given = bySource.get(id)!.annotations.map((a) => a.concept.code);
      expect(given).toHaveLength(1);
      expect(given[0]).not.toBe(key.truth[id]);
    }
    const changed = images.filter(
      (image) => image.source === 'site-b' && image.capturedAt!.toISOString().slice(0, 7) >= key.drift.month,
    );
    expect(new Set(changed.map((image) => image.device))).toEqual(new Set(['Heine iC1 phone adapter']));

    const text = await dermino(['demo', 'answer-key']);
    expect(text.stdout).toMatch(/Drift: site-b changes its device from 2025-09/);
    expect(text.stdout).toContain(`Wrong labels (${key.wrongLabels.length}):`);
    expect(text.stdout).toContain(`  ${key.nearDuplicates[0][0]}  ${key.nearDuplicates[0][1]}`);
  });

  it('--score scores the latest drift report and data audit against the key', async () => {
    const version = await demoVersion(db);
    const key = computeAnswerKey(demoCohortOptions(1, 240));
    const images = await db.image.findMany({
      where: { sourceImageId: { in: Object.keys(key.truth) } },
      select: { id: true, sourceImageId: true },
    });
    const registryId = new Map(images.map((image) => [image.sourceImageId!, image.id]));
    // The audit checks the frozen demo version: planted labels and pairs outside it cannot be found, and are not counted.
    const items = await db.datasetVersionItem.findMany({
      where: { datasetVersionId: version.id },
      select: { image: { select: { sourceImageId: true } } },
    });
    const inVersion = new Set(items.map((item) => item.image.sourceImageId));
    const wrongInVersion = key.wrongLabels.filter((id) => inVersion.has(id));
    const pairsInVersion = key.nearDuplicates.filter((p) => p.every((id) => inVersion.has(id)));
    const notWrong = Object.keys(key.truth).find((id) => inVersion.has(id) && !key.wrongLabels.includes(id))!;
    const pair = pairsInVersion[0];
    expect(wrongInVersion.length).toBeGreaterThan(0);
    expect(pair).toBeDefined();
    const audit = await createJob(db, { kind: 'AUDIT', payload: {} });
    await saveDataAudit(db, {
      datasetVersionId: version.id,
      jobId: audit.id,
      report: {
        labelIssues: {
          issues: [wrongInVersion[0], notWrong].map((id) => ({
            imageId: registryId.get(id)!,
            givenLabel: 'x',
            suggestedLabel: 'y',
          })),
        },
        duplicates: { near: [[registryId.get(pair[1])!, registryId.get(pair[0])!]] },
      },
    });
    const drift = await createJob(db, { kind: 'DRIFT', payload: {} });
    const windows = ['2025-04', '2025-05', '2025-09', '2025-10'].map((window) => ({
      window,
      status: window === '2025-10' ? 'alarm' : 'stable',
    }));
    await saveDriftReport(db, {
      modelVersionId: null,
      jobId: drift.id,
      referenceFrom: new Date('2025-01-01'),
      referenceTo: new Date('2025-03-31'),
      windows: [...windows, { window: '2025-06', status: 'too-small' }],
      alerts: [{ window: '2025-10', feature: 'device', segment: { dimension: 'source', value: 'site-b' } }],
    });
    const scores = JSON.parse((await dermino(['demo', 'answer-key', '--score'])).stdout);
    expect(scores.dataAudit).toMatchObject({
      labelIssues: { flagged: 2, truePositives: 1, precision: 0.5, planted: wrongInVersion.length },
      nearDuplicates: { flagged: 1, truePositives: 1, precision: 1, planted: pairsInVersion.length },
    });
    expect(scores.driftReport).toMatchObject({
      stableWindows: 2,
      falseAlarmWindows: 0,
      driftWindows: 2,
      detectedWindows: 1,
      detectionDelay: 1,
      siteNamedWindows: 1,
    });
  });
});
