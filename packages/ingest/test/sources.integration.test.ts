import fs from 'node:fs';
import path from 'node:path';
import { type Db, isAppError } from '@dermino/db';
import { uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../src/import/run-import.js';
import { prepareFitzpatrick17kImport } from '../src/sources/fitzpatrick17k.js';
import { prepareGenericCsvImport } from '../src/sources/generic-csv.js';
import { prepareIsicImport } from '../src/sources/isic.js';
import { countSource, FITZPATRICK_CSV, openTestDb } from './support/db.js';
import { makeJpeg, tempDir } from './support/images.js';

let db: Db;
const imagesRoot = tempDir();
beforeAll(() => {
  db = openTestDb();
});
afterAll(() => db.$disconnect());

async function photoFolder(names: string[]): Promise<string> {
  const dir = tempDir('dermino-photos-');
  await Promise.all(
    names.map(async (name, index) =>
      fs.writeFileSync(path.join(dir, name), await makeJpeg(40, 30, 100 + index)),
    ),
  );
  return dir;
}

describe('ISIC archive metadata', () => {
  it('maps the diagnosis hierarchy, patients, lesions and skin types, and reports unknown diagnoses', async () => {
    const dir = tempDir();
    const csv = [
      'isic_id,patient_id,lesion_id,diagnosis_1,diagnosis_2,diagnosis_3,anatom_site_general,age_approx,sex,fitzpatrick_skin_type,image_type,diagnosis_confirm_type,attribution,copyright_license',
      'ISIC_0000001,IP_1,IL_1,Malignant,Malignant melanocytic proliferations (Melanoma),"Melanoma, NOS",posterior torso,55,male,II,dermoscopic,histopathology,Hospital A,CC-BY',
      'ISIC_0000002,IP_1,IL_1,Malignant,Malignant melanocytic proliferations (Melanoma),,posterior torso,55,male,II,dermoscopic,histopathology,Hospital A,CC-BY',
      'ISIC_0000003,IP_2,IL_2,Benign,Benign melanocytic proliferations,Nevus,lower extremity,30,female,V,clinical: close-up,,Hospital A,CC-BY',
      'ISIC_0000004,IP_3,,Indeterminate,,,head/neck,,,,dermoscopic,,Hospital B,CC-0',
      'ISIC_0000005,IP_3,IL_5,Benign,,Flying saucer,head/neck,40,female,III,dermoscopic,,Hospital B,CC-0',
    ];
    fs.writeFileSync(path.join(dir, 'metadata.csv'), `${csv.join('\n')}\n`);
    const images = await photoFolder([
      'ISIC_0000001.jpg',
      'ISIC_0000002.jpg',
      'ISIC_0000003.jpg',
      'ISIC_0000004.JPG',
      'ISIC_0000005.jpg',
    ]);
    const source = uniqueName('isic');
    const summary = await runImport(
      await prepareIsicImport({ metadata: path.join(dir, 'metadata.csv'), images, source }),
      { db, imagesRoot },
    );
    expect(summary.problems).toEqual([
      { row: 6, field: 'diagnosis_3', reason: 'unknown diagnosis "Flying saucer" (no ISIC mapping)' },
    ]);
    expect(summary.counts).toMatchObject({ imported: 4, skipped: 1, annotations: 3 });
    expect(await countSource(db, source)).toEqual({ patients: 3, cases: 3, images: 4, annotations: 3 });
    const images1 = await db.image.findMany({
      where: { source },
      orderBy: { sourceImageId: 'asc' },
      select: {
        sourceImageId: true,
        modality: true,
        case: {
          select: {
            externalId: true,
            site: true,
            patient: { select: { skinType: true, sex: true, ageBand: true } },
          },
        },
        annotations: { select: { confirmation: true, concept: { select: { code: true } } } },
      },
    });
    expect(
      images1.map((image) => [
        image.sourceImageId,
        image.case.externalId,
        image.annotations.map((a) => `${a.concept.code}/${a.confirmation}`).join(),
      ]),
    ).toEqual([
      ['ISIC_0000001', 'IL_1', 'mel/HISTOPATHOLOGY'],
      ['ISIC_0000002', 'IL_1', 'mel/HISTOPATHOLOGY'],
      ['ISIC_0000003', 'IL_2', 'nv/SINGLE_READER'],
      ['ISIC_0000004', 'ISIC_0000004', ''],
    ]);
    expect(images1[2]).toMatchObject({
      modality: 'CLINICAL',
      case: { site: 'lower extremity', patient: { skinType: 'V', sex: 'FEMALE', ageBand: '30-39' } },
    });
  });
});

describe('Fitzpatrick17k (the shared CSV)', () => {
  it('registers every row as a pending image with its URL, skin type and condition', async () => {
    const summary = await runImport(await prepareFitzpatrick17kImport({ metadata: FITZPATRICK_CSV }), {
      db,
      imagesRoot,
    });
    expect(summary.counts).toMatchObject({
      rows: 16_577,
      imported: 16_577,
      pending: 16_577,
      skipped: 0,
      annotations: 16_577 - 17,
    });
    expect(summary.notes).toEqual({ labelsDroppedByQc: 17, withoutUrl: 41 });
    const bySkinType = await db.patient.groupBy({
      by: ['skinType'],
      where: { source: 'fitzpatrick17k' },
      _count: true,
    });
    expect(Object.fromEntries(bySkinType.map((row) => [row.skinType, row._count]))).toEqual({
      I: 2947,
      II: 4808,
      III: 3308,
      IV: 2781,
      V: 1533,
      VI: 635,
      UNKNOWN: 565,
    });
    const first = await db.image.findFirstOrThrow({
      where: { source: 'fitzpatrick17k', sourceImageId: '5e82a45bc5d78bd24ae9202d194423f8' },
      select: {
        status: true,
        remoteUrl: true,
        storageKey: true,
        annotations: { select: { concept: { select: { code: true, parent: { select: { code: true } } } } } },
      },
    });
    expect(first).toMatchObject({
      status: 'PENDING',
      storageKey: null,
      remoteUrl: expect.stringContaining('minocycline-pigmentation1.jpg'),
    });
    expect(first.annotations[0].concept).toEqual({
      code: 'f17k-drug-induced-pigmentary-changes',
      parent: { code: 'f17k9-inflammatory' },
    });
    const malignant = await db.annotation.count({
      where: { image: { source: 'fitzpatrick17k' }, concept: { malignant: true } },
    });
    // 2,263 malignant rows in the three-partition labels, one of them among the 17 whose label QC dropped.
    expect(malignant).toBe(2262);
  });

  it('completes pending images later from a folder of <md5>.jpg', async () => {
    const md5s = ['5e82a45bc5d78bd24ae9202d194423f8', 'fa2911a9b13b6f8af79cb700937cc14f'];
    const folder = await photoFolder(md5s.map((md5) => `${md5}.jpg`));
    const summary = await runImport(
      await prepareFitzpatrick17kImport({ metadata: FITZPATRICK_CSV, images: folder }),
      { db, imagesRoot },
    );
    expect(summary.counts).toMatchObject({ imported: 0, alreadyPresent: 16_577, attached: 2 });
    const ready = await db.image.findMany({
      where: { source: 'fitzpatrick17k', status: 'READY' },
      select: { sourceImageId: true, storageKey: true, width: true },
    });
    expect(ready.map((image) => image.sourceImageId).sort()).toEqual([...md5s].sort());
    expect(ready.every((image) => image.storageKey && image.width === 40)).toBe(true);
  });
});

describe('generic CSV with a column mapping', () => {
  const csv = [
    'image,file,patient,lesion,finding,how,where,gender,age,fst,camera,taken',
    'a1,a1.jpg,MRN-001,les-1,naevus,histo,Back,F,47,4,DermLite DL4,2024-03-01',
    'a2,a2.jpg,MRN-001,les-2,mel,,arm,F,47,4,iPhone 15,2024-03-02',
    'a3,a3.jpg,MRN-002,les-3,wart,,leg,M,60,2,iPhone 15,2024-03-03',
  ];

  async function setUp(mapping: string, name = 'mapping.json') {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'metadata.csv'), `${csv.join('\n')}\n`);
    fs.writeFileSync(path.join(dir, name), mapping);
    const images = await photoFolder(['a1.jpg', 'a2.jpg', 'a3.jpg']);
    return { mapping: path.join(dir, name), metadata: path.join(dir, 'metadata.csv'), images };
  }

  it('imports through a YAML mapping, pseudonymises patient ids and reports unmapped diagnoses', async () => {
    const source = uniqueName('hospital');
    const files = await setUp(
      `source: ${source}\ncolumns:\n  imageId: image\n  file: file\n  patientId: patient\n  lesionId: lesion\n  diagnosis: finding\n  confirmation: how\n  site: where\n  sex: gender\n  age: age\n  skinType: fst\n  device: camera\n  capturedAt: taken\ndiagnoses:\n  naevus: nv\n`,
      'mapping.yaml',
    );
    const concepts = await db.diagnosisConcept.findMany({ select: { code: true } });
    const summary = await runImport(await prepareGenericCsvImport(files, concepts), { db, imagesRoot });
    expect(summary.problems).toEqual([
      {
        row: 4,
        field: 'finding',
        reason: 'unknown diagnosis "wart" (not in the mapping\'s diagnoses nor a concept code)',
      },
    ]);
    const patients = await db.patient.findMany({
      where: { source },
      select: { pseudonym: true, skinType: true, sex: true },
    });
    expect(patients).toHaveLength(1);
    expect(patients[0].pseudonym).not.toContain('MRN');
    expect(patients[0]).toMatchObject({ skinType: 'IV', sex: 'FEMALE' });
    const images = await db.image.findMany({
      where: { source },
      orderBy: { sourceImageId: 'asc' },
      select: { device: true, capturedAt: true, annotations: { select: { confirmation: true } } },
    });
    expect(
      images.map((image) => [
        image.device,
        image.capturedAt?.toISOString().slice(0, 10),
        image.annotations[0].confirmation,
      ]),
    ).toEqual([
      ['DermLite DL4', '2024-03-01', 'HISTOPATHOLOGY'],
      ['iPhone 15', '2024-03-02', 'SINGLE_READER'],
    ]);
  });

  it('explains a bad mapping file', async () => {
    const files = await setUp(
      JSON.stringify({ source: 'Bad Name', columns: { imageId: 'image', colour: 'x' } }),
    );
    const error = await prepareGenericCsvImport(files, []).catch((caught: unknown) => caught);
    expect(isAppError(error)).toBe(true);
    expect((error as Error).message).toContain('source: lower-case letters');
    expect((error as Error).message).toContain('columns: Unrecognized key: "colour"');
  });

  it('names a mapped column the CSV does not have', async () => {
    const files = await setUp(
      JSON.stringify({ source: 'h1', columns: { imageId: 'image', diagnosis: 'dx' } }),
    );
    await expect(prepareGenericCsvImport(files, [])).rejects.toThrow(/is missing column dx/);
  });
});
