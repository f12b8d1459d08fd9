import { createHash } from 'node:crypto';
import { createDatasetVersion, type Db, type FrozenDatasetVersion, findCurationImages, getDatasetVersionById, getMeta, setMeta, type Split } from '@dermino/db';
import { HOSPITAL_SITES } from '@dermino/synth';

export const DEMO_DATASET = 'synthetic-demo';
const META_KEY = 'demo-dataset-version';
export const DEMO_FILTER = { source: [...HOSPITAL_SITES] };
const SPLIT = { train: 0.7, val: 0.15, test: 0.15 };

/** A patient's split from a hash of its id: all images of a patient (and so of each lesion) share one side. */
export function splitOfPatient(patientId: string, seed = 0): Split {
  const u = createHash('sha256').update(`${seed}:${patientId}`).digest().readUInt32BE(0) / 2 ** 32;
  return u < SPLIT.train ? 'TRAIN' : u < SPLIT.train + SPLIT.val ? 'VAL' : 'TEST';
}

/**
 * Freezes the demo dataset version once: every synthetic image (labelled or not: pretraining uses both), its observed
 * label, and a patient-grouped 70/15/15 split. Later calls return the same version.
 */
export async function freezeDemoDatasetVersion(db: Db): Promise<FrozenDatasetVersion> {
  const known = await getMeta<{ id: string }>(db, META_KEY);
  if (known) return getDatasetVersionById(db, { id: known.id });
  const filter = DEMO_FILTER;
  const images = await findCurationImages(db, { filter });
  const version = await createDatasetVersion(db, {
    datasetName: DEMO_DATASET,
    description: 'The synthetic demo registry: all images, observed labels, patient-grouped splits.',
    note: 'Frozen by the demo pipeline on first start.',
    filter,
    splitConfig: { ...SPLIT, groupBy: 'patient', seed: 0 },
    createdBy: 'system',
    items: images.map((image) => ({ imageId: image.id, conceptId: image.annotations[0]?.conceptId ?? null, split: splitOfPatient(image.patientId) })),
  });
  await setMeta(db, META_KEY, { id: version.id });
  return version;
}
