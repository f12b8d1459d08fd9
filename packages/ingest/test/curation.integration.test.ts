import { createDatasetVersion, type Db, findCurationImages, seedConcepts } from '@dermino/db';
import { createTestCase, createTestPatient, uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSplitRatios } from '../src/curation/assign-splits.js';
import { checkDatasetVersionLeakage } from '../src/curation/check-leakage.js';
import { freezeDatasetVersion } from '../src/curation/freeze-dataset-version.js';
import { openTestDb } from './support/db.js';

let db: Db;
let source: string;

beforeAll(async () => {
  db = openTestDb();
  await seedConcepts(db);
  source = uniqueName('clinic');
  const readers = (concepts: string[]) =>
    concepts.map((concept, index) => ({ concept, image: 0, annotator: `reader-${index}` }));
  // Histopathology overrules two readers; a reader majority; a reader tie; an unlabelled image.
  await createTestCase(db, {
    source,
    site: 'back',
    patient: { sex: 'FEMALE', skinType: 'V', ageBand: '40-49' },
    annotations: [
      ...readers(['nv', 'nv']),
      { concept: 'mel', image: 0, confirmation: 'HISTOPATHOLOGY', annotator: 'lab' },
    ],
  });
  await createTestCase(db, {
    source,
    site: 'arm',
    patient: { sex: 'MALE', skinType: 'II' },
    images: [{ device: 'iphone' }],
    annotations: readers(['bcc', 'bcc', 'bkl']),
  });
  await createTestCase(db, {
    source,
    site: 'arm',
    patient: { sex: 'MALE', skinType: 'II' },
    annotations: readers(['nv', 'mel']),
  });
  await createTestCase(db, { source, site: 'leg' });
  const patient = await createTestPatient(db, { source, skinType: 'VI' });
  for (let lesion = 0; lesion < 12; lesion++) {
    await createTestCase(db, {
      source,
      patientId: patient.id,
      images: [{}, {}],
      annotations: [{ concept: lesion % 2 ? 'nv' : 'df', confirmation: 'FOLLOW_UP' }],
    });
  }
});
afterAll(() => db.$disconnect());

describe('curation filters', () => {
  const count = async (filter: Parameters<typeof findCurationImages>[1]['filter']) =>
    (await findCurationImages(db, { filter: { source: [source], ...filter } })).length;

  it('filter by diagnosis subtree, confirmation, site, skin type, sex, age band, device and labels', async () => {
    expect(await count({})).toBe(28);
    expect(await count({ diagnosis: ['melanocytic'] })).toBe(14);
    expect(await count({ confirmation: ['HISTOPATHOLOGY'] })).toBe(1);
    expect(await count({ site: ['arm'] })).toBe(2);
    expect(await count({ skinType: ['V', 'VI'] })).toBe(25);
    expect(await count({ sex: ['MALE'] })).toBe(2);
    expect(await count({ ageBand: ['40-49'] })).toBe(1);
    expect(await count({ device: ['iphone'] })).toBe(1);
    expect(await count({ labelled: false })).toBe(1);
    expect(await count({ capturedFrom: new Date('2100-01-01') })).toBe(0);
  });

  it('names an unknown diagnosis code', async () => {
    await expect(count({ diagnosis: ['melanomaa'] })).rejects.toThrow('Unknown diagnosis code: melanomaa.');
  });
});

describe('freezing a version', () => {
  it('adjudicates labels, leaves ties out for review and keeps a patient on one side', async () => {
    const summary = await freezeDatasetVersion({
      db,
      name: uniqueName('curated'),
      filter: { source: [source] },
      ratios: parseSplitRatios('50/25/25'),
      groupBy: 'patient',
      seed: 7,
    });
    expect(summary.ties).toHaveLength(1);
    expect(summary.ties[0].candidates).toEqual(['mel', 'nv']);
    expect(summary.images).toBe(27);
    expect(summary.unlabelled).toBe(1);
    expect(summary.byLabel.mel).toBeDefined();
    expect(summary.byLabel.bcc).toBeDefined();
    expect(Object.values(summary.byLabel.nv ?? {}).reduce((a, b) => a + b, 0)).toBe(12);
    expect(summary.leakage.clean).toBe(true);
  });

  it('with a diagnosis filter keeps only images whose adjudicated label is in the subtree', async () => {
    const summary = await freezeDatasetVersion({
      db,
      name: uniqueName('malignant'),
      filter: { source: [source], diagnosis: ['mel'] },
      ratios: parseSplitRatios('70/30'),
      groupBy: 'lesion',
      seed: 1,
    });
    // The first image has two nv readers but histopathology says mel: it is in; the tie image is out.
    expect(summary.images).toBe(1);
    expect(Object.keys(summary.byLabel)).toEqual(['mel']);
  });

  it('refuses an empty version', async () => {
    await expect(
      freezeDatasetVersion({
        db,
        name: uniqueName('empty'),
        filter: { source: [uniqueName('nothing')] },
        ratios: parseSplitRatios('70/15/15'),
        groupBy: 'lesion',
        seed: 1,
      }),
    ).rejects.toThrow('No images match the filter');
  });
});

describe('leakage check', () => {
  it('finds a lesion, its patient and an exact duplicate on two sides of a hand-made version', async () => {
    const images = await findCurationImages(db, { filter: { source: [source], skinType: ['VI'] } });
    const [a, b] = images.filter((image) => image.caseId === images[0].caseId);
    // The duplicate pair: two images of other lesions than a's and each other's (ids are random, so the order of
    // the images is too: pick them, rather than by position).
    const x = images.find((image) => image.caseId !== a.caseId)!;
    const y = images.find((image) => image.caseId !== a.caseId && image.caseId !== x.caseId)!;
    await db.image.update({ where: { id: x.id }, data: { sha256: 'f'.repeat(64) } });
    await db.image.update({ where: { id: y.id }, data: { sha256: 'f'.repeat(64) } });
    const version = await createDatasetVersion(db, {
      datasetName: uniqueName('leaky'),
      filter: {},
      splitConfig: {},
      items: [
        { imageId: a.id, conceptId: null, split: 'TRAIN' },
        { imageId: b.id, conceptId: null, split: 'TEST' },
        { imageId: x.id, conceptId: null, split: 'TRAIN' },
        { imageId: y.id, conceptId: null, split: 'VAL' },
      ],
    });
    const check = await checkDatasetVersionLeakage(db, { versionId: version.id });
    expect(check).toMatchObject({
      clean: false,
      intact: true,
      counts: { lesion: 1, patient: 1, duplicate: 1 },
    });
    expect(check.leaks.find((leak) => leak.kind === 'lesion')).toMatchObject({
      key: a.caseId,
      splits: ['TEST', 'TRAIN'],
    });
  });

  it('says which version is unknown', async () => {
    await expect(checkDatasetVersionLeakage(db, { versionId: 'no-such-version' })).rejects.toThrow(
      'No dataset version with id no-such-version.',
    );
  });
});
