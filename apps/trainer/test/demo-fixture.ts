import path from 'node:path';
import type { Db } from '@dermino/db';
import type {} from '@dermino/db/testing/global-setup';
import { seedDemoRegistry } from '@dermino/ingest';
import { MICRO_PRETRAIN } from '@dermino/model/testing';
import { inject } from 'vitest';
import { freezeDemoDatasetVersion } from '../src/pipeline/freeze-demo-version.js';

/** A small pretraining config so a job runs in seconds: 16 px images, 4 px patches, 2 blocks of width 16. */
export const MICRO_CONFIG = MICRO_PRETRAIN;

/**
 * MICRO_CONFIG's CLS embeddings are collapsed at initialisation (LayerScale 0.1 at width 16: std .004 against the
 * threshold .025, RankMe 1.2), so its backbones are registered FAILED; with LayerScale 1 they pass the checks, for
 * the tests that need a backbone that may be promoted (the demo's first champion).
 */
export const HEALTHY_MICRO_CONFIG = { ...MICRO_CONFIG, vit: { ...MICRO_CONFIG.vit, layerScale: 1 } };

/** Shared by every test file of a run (one database per run): the demo registry's images live under this home. */
export function testHome(): string {
  return path.join(inject('databaseHome'), 'trainer-home');
}

/** The real demo seed (small) and the demo dataset version frozen from it, once per test database. */
export async function demoVersion(db: Db) {
  await seedDemoRegistry({ db, imagesRoot: path.join(testHome(), 'images'), size: 240, imageSize: 48 });
  return freezeDemoDatasetVersion(db);
}
