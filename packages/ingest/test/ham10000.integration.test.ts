import { type Db, findDatasetVersionItems, verifyDatasetVersion } from '@dermino/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSplitRatios } from '../src/curation/assign-splits.js';
import { checkDatasetVersionLeakage } from '../src/curation/check-leakage.js';
import { type FreezeSummary, freezeDatasetVersion } from '../src/curation/freeze-dataset-version.js';
import type { ImportSummary } from '../src/import/import-summary.js';
import { runImport } from '../src/import/run-import.js';
import { prepareHam10000Import } from '../src/sources/ham10000.js';
import { countSource, HAM_METADATA, HAM_PIXELS, openTestDb } from './support/db.js';
import { tempDir } from './support/images.js';

// The real HAM10000 metadata and its 8x8 pixel CSV (../shared/data, CC BY-NC 4.0), imported once for this file.
const DX_COUNTS = { nv: 6705, mel: 1113, bkl: 1099, bcc: 514, akiec: 327, vasc: 142, df: 115 };
const CONFIRMATIONS = { HISTOPATHOLOGY: 5340, FOLLOW_UP: 3704, CONSENSUS: 902, CONFOCAL: 69 };

let db: Db;
let summary: ImportSummary;
const imagesRoot = tempDir();

beforeAll(async () => {
  db = openTestDb();
  summary = await runImport(await prepareHam10000Import({ metadata: HAM_METADATA, pixels: HAM_PIXELS }), {
    db,
    imagesRoot,
  });
});
afterAll(() => db.$disconnect());

describe('HAM10000 import of the shared files', () => {
  it('imports every image, lesion and label', async () => {
    expect(summary.counts).toMatchObject({
      rows: 10_015,
      imported: 10_015,
      skipped: 0,
      alreadyPresent: 0,
      cases: 7470,
      annotations: 10_015,
    });
    expect(await countSource(db, 'ham10000')).toEqual({
      patients: 7470,
      cases: 7470,
      images: 10_015,
      annotations: 10_015,
    });
  });

  it('keeps the dx and dx_type counts of the README', async () => {
    const byConcept = await db.annotation.groupBy({
      by: ['conceptId'],
      where: { image: { source: 'ham10000' } },
      _count: true,
    });
    const concepts = await db.diagnosisConcept.findMany({ select: { id: true, code: true } });
    const code = new Map(concepts.map((concept) => [concept.id, concept.code]));
    expect(Object.fromEntries(byConcept.map((row) => [code.get(row.conceptId), row._count]))).toEqual(
      DX_COUNTS,
    );
    const byConfirmation = await db.annotation.groupBy({
      by: ['confirmation'],
      where: { image: { source: 'ham10000' } },
      _count: true,
    });
    expect(Object.fromEntries(byConfirmation.map((row) => [row.confirmation, row._count]))).toEqual(
      CONFIRMATIONS,
    );
  });

  it('records the run with the source file hashes', async () => {
    const run = await db.importRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run.status).toBe('COMPLETED');
    expect(run.cursor).toBe(10_015);
    const files = (run.sourceFiles as { files: { role: string; sha256: string }[] }).files;
    expect(files.map((file) => file.role)).toEqual(['metadata', 'pixels']);
    expect(files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes nothing when run again', async () => {
    const again = await runImport(
      await prepareHam10000Import({ metadata: HAM_METADATA, pixels: HAM_PIXELS }),
      { db, imagesRoot },
    );
    expect(again.counts).toMatchObject({ imported: 0, alreadyPresent: 10_015, skipped: 0, annotations: 0 });
    expect(await countSource(db, 'ham10000')).toEqual({
      patients: 7470,
      cases: 7470,
      images: 10_015,
      annotations: 10_015,
    });
  });

  describe('a version frozen from it, split by lesion', () => {
    let frozen: FreezeSummary;
    beforeAll(async () => {
      frozen = await freezeDatasetVersion({
        db,
        name: 'ham10000-by-lesion',
        filter: { source: ['ham10000'] },
        ratios: parseSplitRatios('70/15/15'),
        groupBy: 'lesion',
        seed: 1,
      });
    });

    it('has every image, and no lesion, patient or duplicate on two sides', async () => {
      expect(frozen.images).toBe(10_015);
      const check = await checkDatasetVersionLeakage(db, { versionId: frozen.version.id });
      expect(check).toMatchObject({
        clean: true,
        intact: true,
        images: 10_015,
        counts: { lesion: 0, patient: 0, duplicate: 0 },
      });
    });

    it('keeps each split near 70/15/15 and its class proportions within 2 points of the whole', () => {
      const total = frozen.images;
      expect(frozen.bySplit.TRAIN / total).toBeCloseTo(0.7, 1);
      expect(frozen.bySplit.VAL / total).toBeCloseTo(0.15, 1);
      for (const split of ['TRAIN', 'VAL', 'TEST'] as const) {
        for (const [code, counts] of Object.entries(frozen.byLabel)) {
          const whole = (counts.TRAIN + counts.VAL + counts.TEST) / total;
          expect(Math.abs(counts[split] / frozen.bySplit[split] - whole), `${code} in ${split}`).toBeLessThan(
            0.02,
          );
        }
      }
    });

    it('is reproducible from the seed and differs with another seed', async () => {
      const again = await freezeDatasetVersion({
        db,
        name: 'ham10000-by-lesion',
        filter: { source: ['ham10000'] },
        ratios: parseSplitRatios('70/15/15'),
        groupBy: 'lesion',
        seed: 1,
      });
      expect(again.version.version).toBe(frozen.version.version + 1);
      expect(again.version.contentHash).toBe(frozen.version.contentHash);
      const other = await freezeDatasetVersion({
        db,
        name: 'ham10000-seed-2',
        filter: { source: ['ham10000'] },
        ratios: parseSplitRatios('70/15/15'),
        groupBy: 'lesion',
        seed: 2,
      });
      expect(other.version.contentHash).not.toBe(frozen.version.contentHash);
    });

    it('cannot be changed: the database refuses writes behind the code', async () => {
      const [item] = await findDatasetVersionItems(db, { datasetVersionId: frozen.version.id });
      const where = {
        datasetVersionId_imageId: { datasetVersionId: frozen.version.id, imageId: item.imageId },
      };
      const moved = item.split === 'TEST' ? 'TRAIN' : 'TEST';
      await expect(db.datasetVersionItem.update({ where, data: { split: moved } })).rejects.toThrow(/frozen/);
      await expect(db.datasetVersionItem.delete({ where })).rejects.toThrow(/frozen/);
      await expect(
        db.datasetVersion.update({ where: { id: frozen.version.id }, data: { note: 'edited' } }),
      ).rejects.toThrow(/frozen/);
      expect((await verifyDatasetVersion(db, { id: frozen.version.id })).intact).toBe(true);
    });
  });
});
