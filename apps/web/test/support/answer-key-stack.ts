import {
  createDatasetVersion,
  createJob,
  saveDataAudit,
  saveDriftReport,
  seedConcepts,
  seedDemoUsers,
  setMeta,
} from '@dermino/db';
import { createTestCase } from '@dermino/db/testing';
import { findDemoAnswerKey } from '@dermino/ingest';
import { startSeededStack } from './seeded-stack';

/** An alert as the DRIFT job stores it (calibrated-alerts.ts). */
const alert = (
  window: string,
  area: string,
  feature: string,
  segment: { dimension: string; value: string; n: number } | null,
) => ({
  window,
  area,
  feature,
  statistic: 'jensen_shannon',
  value: 0.4,
  threshold: '> 0.1 (reference mean + 3 sd at n = 40)',
  z: 12,
  segment: segment && { ...segment, zWithout: 0.5, zWithin: 12, explains: true },
});

/** The device statistic of a month against its calibrated line (the job's windowCalibration). */
const device = (value: number) => ({
  area: 'metadata',
  feature: 'device',
  statistic: 'jensen_shannon',
  value,
  threshold: 0.0875,
  z: value > 0.0875 ? 12 : 0.3,
  alarm: value > 0.0875,
});

export interface AnswerKeyStack {
  webUrl: string;
  stop(): Promise<void>;
}

/**
 * An API and `next start` on a fresh database whose demo seed is recorded (seed 1, 240 images), with a drift report
 * and a data audit to score: the shared e2e database cannot hold them, since the manager pages read its latest drift
 * report. Eight of the key's images are registered (one planted pair among them) under their generator ids; the detectors' outputs are made up so
 * the scores are known: labels 2 of 3 flagged right (precision 0.67) of 4 planted (recall 0.50), duplicates 1 pair of
 * 1 right; drift 0 of 2 stable months alarmed, 2 of 3 months from 2025-09 found (delay 0), one of them naming site-b.
 */
export async function startAnswerKeyStack(): Promise<AnswerKeyStack> {
  const { webUrl, stop } = await startSeededStack(async (db) => {
    await seedConcepts(db);
    await seedDemoUsers(db);
    await setMeta(db, 'demo-seed', { status: 'complete', size: 240, seed: 1 });
    const { key } = (await findDemoAnswerKey(db))!;
    // The audited version holds the registered images, one planted near-copy pair among them (a pair outside the
    // audited version is not counted as missed).
    const pair = key.nearDuplicates.find((p) => !p.some((id) => key.wrongLabels.slice(0, 4).includes(id)))!;
    const clean = Object.keys(key.truth).filter((id) => !key.wrongLabels.includes(id) && !pair.includes(id));
    const registered = [...key.wrongLabels.slice(0, 4), clean[0], clean[1], ...pair];
    // site-b's images, the last one from the new device in 2025-09: the change the drift page reads.
    const { images } = await createTestCase(db, {
      source: 'site-b',
      images: registered.map((_, index) => ({
        device: index < 5 ? 'FotoFinder' : 'Heine iC1 phone adapter',
      })),
    });
    for (const [index, image] of images.entries())
      await db.image.update({
        where: { id: image.id },
        data: {
          sourceImageId: registered[index],
          capturedAt: new Date(index < 5 ? '2025-01-10T10:00:00Z' : '2025-09-05T10:00:00Z'),
        },
      });
    const version = await createDatasetVersion(db, {
      datasetName: 'answer-key',
      filter: {},
      splitConfig: {},
      items: images.map((image) => ({ imageId: image.id, conceptId: null, split: 'TRAIN' as const })),
    });
    await saveDataAudit(db, {
      datasetVersionId: version.id,
      jobId: (await createJob(db, { kind: 'AUDIT', payload: {} })).id,
      report: {
        labelIssues: { issues: [0, 1, 4].map((index) => ({ imageId: images[index].id })) },
        duplicates: { near: [pair], embedding: { warning: null } },
      },
    });
    const status = {
      '2025-01': 'reference',
      '2025-06': 'stable',
      '2025-07': 'stable',
      '2025-08': 'too-small',
      '2025-09': 'alarm',
      '2025-10': 'stable',
      '2025-11': 'alarm',
    };
    await saveDriftReport(db, {
      modelVersionId: null,
      jobId: (await createJob(db, { kind: 'DRIFT', payload: {} })).id,
      referenceFrom: new Date('2025-01-01'),
      referenceTo: new Date('2025-03-31'),
      windows: Object.entries(status).map(([window, s]) => ({
        window,
        status: s,
        reference: s === 'reference',
        n: 40,
        pseudoFalseAlarmRate: 0.01,
        calibrated: s === 'too-small' ? [] : [device(s === 'alarm' ? 0.4 : 0.02)],
      })),
      alerts: [
        alert('2025-09', 'metadata', 'device', { dimension: 'source', value: 'site-b', n: 40 }),
        alert('2025-11', 'metadata', 'device', null),
      ],
    });
  });
  return { webUrl, stop };
}
