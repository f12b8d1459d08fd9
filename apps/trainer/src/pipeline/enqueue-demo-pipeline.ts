import { countCurationImages, createQueue, findJobs, type Db, getMeta, setMeta } from '@dermino/db';
import { recoverStaleJobs } from '../jobs/recover-stale-jobs.js';
import { DEMO_BUDGET, type DemoBudget, enqueueDemoPipeline } from './demo-pipeline.js';
import { DEMO_FILTER, freezeDemoDatasetVersion } from './freeze-demo-version.js';

const META_KEY = 'demo-pipeline';

/**
 * Called by `dermino start` after the demo seed: hands jobs of a crashed earlier run back to the queue, and the
 * first time, freezes the demo dataset version and enqueues the demo pipeline.
 */
export async function enqueueDemoPipelineIfNeeded(
  db: Db,
  url: string,
  options: { budget?: DemoBudget; staleAfterSeconds?: number; minImages?: number } = {},
): Promise<void> {
  const queue = await createQueue({ url, max: 1 });
  try {
    const recovered = await recoverStaleJobs(db, queue, { staleAfterSeconds: options.staleAfterSeconds ?? 300 });
    if (recovered.requeued.length) console.log(`Resuming ${recovered.requeued.length} interrupted job(s).`);
    const seed = await getMeta<{ status: string }>(db, 'demo-seed');
    if (seed?.status !== 'complete' || (await getMeta(db, META_KEY))) return;
    const images = await countCurationImages(db, { filter: DEMO_FILTER });
    // A tiny registry (smoke tests, DERMINO_DEMO_SIZE=30) has too few labelled test images for any number to mean much.
    if (images < (options.minImages ?? 500)) {
      console.log(`Demo pipeline skipped: ${images} demo images, it needs ${options.minImages ?? 500}.`);
      return;
    }
    const version = await freezeDemoDatasetVersion(db);
    // Drift compares image quality too: it waits for the quality statistics being measured now.
    const quality = await findJobs(db, { kind: 'QUALITY', status: ['QUEUED', 'RUNNING'] });
    const jobs = await enqueueDemoPipeline(db, queue, { datasetVersionId: version.id, budget: options.budget ?? DEMO_BUDGET, driftAfter: quality.map((j) => j.id) });
    await setMeta(db, META_KEY, { datasetVersionId: version.id, jobs, enqueuedAt: new Date().toISOString() });
    console.log(`Demo pipeline queued (pretrain -> linear probes -> evaluate -> embed -> drift -> audit): npx dermino jobs list`);
    if (jobs.continuation) {
      console.log(
        'Then, in the background, a longer pretraining; it replaces the champion only if its probe scores higher (DERMINO_DEMO_CONTINUE_STEPS=0: none).',
      );
    }
  } finally {
    await queue.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
