import { createJob, type Db, registerModelVersion } from '@dermino/db';
import { uniqueName } from '@dermino/db/testing';

/** A registered model row without files (for alias and permission tests that never load it). */
export async function createModelRow(db: Db, options: { kind?: 'BACKBONE' | 'CLASSIFIER' } = {}) {
  const job = await createJob(db, { kind: 'FINETUNE', payload: {} });
  return registerModelVersion(db, {
    name: uniqueName('model'),
    kind: options.kind ?? 'CLASSIFIER',
    config: {},
    classes: ['nv', 'mel'],
    jobId: job.id,
    artifacts: [],
  });
}
