import fs from 'node:fs';
import path from 'node:path';
import { type Db, isAppError } from '@dermino/db';
import { uniqueName } from '@dermino/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../src/import/run-import.js';
import { prepareHam10000Import } from '../src/sources/ham10000.js';
import { countSource, openTestDb } from './support/db.js';
import { writeHamSubset, writeImageFolder } from './support/ham-subset.js';
import { pngHeaderClaiming, tempDir } from './support/images.js';

let db: Db;
const imagesRoot = tempDir();
beforeAll(() => {
  db = openTestDb();
});
afterAll(() => db.$disconnect());

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isAppError(error), String(error)).toBe(true);
  return error as Error;
}

async function importSubset(
  subset: { metadata: string; pixels?: string; images?: string },
  options: { strict?: boolean; batchSize?: number } = {},
) {
  const source = uniqueName('ham');
  const files = subset.images
    ? { metadata: subset.metadata, images: subset.images }
    : { metadata: subset.metadata, pixels: subset.pixels };
  const summary = await runImport(await prepareHam10000Import({ ...files, source }), {
    db,
    imagesRoot,
    ...options,
  });
  return { source, summary };
}

describe('file-level problems stop the import before anything is written', () => {
  it('names the missing columns', async () => {
    const subset = writeHamSubset(3);
    fs.writeFileSync(subset.metadata, 'lesion_id,image_id,age\nHAM_1,ISIC_1,40\n');
    const error = await errorOf(prepareHam10000Import({ metadata: subset.metadata, pixels: subset.pixels }));
    expect(error.message).toContain(
      'is missing columns dx, dx_type, sex, localization (found: lesion_id, image_id, age)',
    );
  });

  it('names the line and byte of a file that is not UTF-8', async () => {
    const subset = writeHamSubset(3);
    const latin1 = Buffer.concat([
      fs.readFileSync(subset.metadata),
      Buffer.from('HAM_9,ISIC_9,nv,histo,40.0,male,r\xe9gion\n', 'latin1'),
    ]);
    fs.writeFileSync(subset.metadata, latin1);
    const error = await errorOf(prepareHam10000Import({ metadata: subset.metadata, pixels: subset.pixels }));
    expect(error.message).toMatch(/is not UTF-8 text: byte 0xe9 at line 5, column 34/);
  });

  it('refuses an empty metadata file and a missing one', async () => {
    const subset = writeHamSubset(2);
    fs.writeFileSync(subset.metadata, '');
    expect(
      (await errorOf(prepareHam10000Import({ metadata: subset.metadata, pixels: subset.pixels }))).message,
    ).toContain('is empty');
    const missing = path.join(subset.dir, 'nope.csv');
    expect((await errorOf(prepareHam10000Import({ metadata: missing, pixels: subset.pixels }))).message).toBe(
      `Cannot read --metadata ${missing}: no such file.`,
    );
  });

  it('refuses broken CSV quoting with its line', async () => {
    const subset = writeHamSubset(2);
    fs.appendFileSync(subset.metadata, 'HAM_9,"ISIC_9,nv,histo,40.0,male,back\n');
    expect(
      (await errorOf(prepareHam10000Import({ metadata: subset.metadata, pixels: subset.pixels }))).message,
    ).toMatch(/is not valid CSV/);
  });

  it('refuses pixels that do not line up with the metadata', async () => {
    const subset = writeHamSubset(5, (_metadata, pixels) => pixels.pop());
    expect(
      (await errorOf(prepareHam10000Import({ metadata: subset.metadata, pixels: subset.pixels }))).message,
    ).toContain('has 4 rows but --metadata has 5');
  });

  it('wants exactly one of images and pixels', async () => {
    const subset = writeHamSubset(2);
    const error = await errorOf(prepareHam10000Import({ metadata: subset.metadata }));
    expect(error.message).toBe('Give exactly one of --images <folder> or --pixels <csv> for HAM10000.');
  });
});

describe('row-level problems are skipped and reported with row and field', () => {
  it('reports an unknown diagnosis, a duplicate id, a bad age, a bad pixel and a short row, and imports the rest', async () => {
    const subset = writeHamSubset(12, (metadata, pixels) => {
      metadata[1] = metadata[1].replace(',bkl,', ',naevus,');
      metadata[3] = metadata[0].replace('HAM_0000118', 'HAM_0000999');
      metadata[5] = metadata[5].replace(/,[0-9.]+,(male|female),/, ',two hundred,$1,');
      pixels[7] = pixels[7].replace(/^\d+,/, '300,');
      metadata[9] = metadata[9].split(',').slice(0, 5).join(',');
    });
    const { source, summary } = await importSubset(subset);
    const firstId = subset.rows[0].split(',')[1];
    expect(summary.problems).toEqual([
      {
        row: 3,
        field: 'dx',
        reason: 'unknown diagnosis "naevus" (HAM10000 dx is one of akiec, bcc, bkl, df, mel, nv, vasc)',
      },
      { row: 5, field: 'image_id', reason: `duplicate image_id ${firstId} (first at row 2)` },
      { row: 7, field: 'age', reason: 'age "two hundred" is not a number from 0 to 120' },
      { row: 9, field: 'pixel0000', reason: 'pixels row 9: pixel0000 "300" is not an integer from 0 to 255' },
      { row: 11, field: null, reason: 'the row has 5 fields where the header has 7' },
    ]);
    expect(summary.counts).toMatchObject({ rows: 12, imported: 7, skipped: 5 });
    expect(await countSource(db, source)).toMatchObject({ images: 7, annotations: 7 });
    const stored = await db.importProblem.count({ where: { importRunId: summary.runId } });
    expect(stored).toBe(5);
  });

  it('refuses ids that could escape the images folder', async () => {
    const subset = writeHamSubset(2, (metadata) => {
      metadata[0] = metadata[0].replace(/ISIC_\d+/, '../../etc/passwd');
    });
    const { summary } = await importSubset(subset);
    expect(summary.problems[0]).toMatchObject({ row: 2, field: 'image_id' });
    expect(summary.problems[0].reason).toContain('has characters other than');
  });

  it('skips missing, zero-byte, non-image, corrupt and oversized files in an images folder', async () => {
    const subset = writeHamSubset(7);
    const folder = await writeImageFolder(subset.rows);
    const file = (row: number) => path.join(folder, `${subset.rows[row].split(',')[1]}.jpg`);
    fs.rmSync(file(0));
    fs.writeFileSync(file(1), '');
    fs.writeFileSync(file(2), 'lesion_id,image_id\n');
    fs.writeFileSync(file(3), fs.readFileSync(file(6)).subarray(0, 300));
    fs.writeFileSync(file(4), pngHeaderClaiming(50_000, 50_000));
    const { source, summary } = await importSubset({ metadata: subset.metadata, images: folder });
    expect(summary.problems.map((problem) => [problem.row, problem.field])).toEqual([
      [2, 'image_id'],
      [3, 'image'],
      [4, 'image'],
      [5, 'image'],
      [6, 'image'],
    ]);
    expect(summary.problems[0].reason).toMatch(/^no image file ISIC_\d+\.jpg in /);
    expect(summary.problems[1].reason).toContain('The file is empty (0 bytes).');
    expect(summary.problems[2].reason).toContain('the content is text');
    expect(summary.problems[3].reason).toMatch(/corrupt or truncated/);
    expect(summary.problems[4].reason).toContain('50000x50000 pixels, above the limit');
    expect(summary.counts).toMatchObject({ imported: 2, skipped: 5 });
    expect(await countSource(db, source)).toMatchObject({ images: 2, annotations: 2 });
  });

  it('links exact duplicate files instead of storing them twice', async () => {
    const subset = writeHamSubset(3);
    const folder = await writeImageFolder(subset.rows);
    const ids = subset.rows.map((line) => line.split(',')[1]);
    fs.copyFileSync(path.join(folder, `${ids[0]}.jpg`), path.join(folder, `${ids[2]}.jpg`));
    const { source, summary } = await importSubset({ metadata: subset.metadata, images: folder });
    expect(summary.counts).toMatchObject({ imported: 3, duplicates: 1 });
    const images = await db.image.findMany({
      where: { source },
      select: { sourceImageId: true, storageKey: true },
    });
    const key = (id: string) => images.find((image) => image.sourceImageId === id)!.storageKey;
    expect(key(ids[2])).toBe(key(ids[0]));
    expect(key(ids[1])).not.toBe(key(ids[0]));
  });
});

describe('--strict', () => {
  it('aborts on the first bad row and leaves the registry as it was', async () => {
    const subset = writeHamSubset(30, (metadata) => {
      metadata[20] = metadata[20].replace(/,(nv|bkl|mel|bcc|akiec|df|vasc),/, ',blue,');
    });
    const source = uniqueName('ham');
    const prepared = await prepareHam10000Import({
      metadata: subset.metadata,
      pixels: subset.pixels,
      source,
    });
    const error = await errorOf(runImport(prepared, { db, imagesRoot, strict: true, batchSize: 10 }));
    expect(error.message).toMatch(
      /^Row 22 \(dx\): unknown diagnosis "blue" .* With --strict nothing was imported \(run .+\)\.$/,
    );
    expect(await countSource(db, source)).toEqual({ patients: 0, cases: 0, images: 0, annotations: 0 });
    const run = await db.importRun.findFirstOrThrow({
      where: { sourceFiles: { path: ['source'], equals: source } },
      include: { problems: true },
    });
    expect(run.status).toBe('FAILED');
    expect(run.problems.map((problem) => problem.row)).toEqual([22]);
  });

  it('aborts on a corrupt file found late, after earlier batches were taken in', async () => {
    const subset = writeHamSubset(25);
    const folder = await writeImageFolder(subset.rows);
    fs.writeFileSync(path.join(folder, `${subset.rows[23].split(',')[1]}.jpg`), 'not a photo');
    const source = uniqueName('ham');
    const prepared = await prepareHam10000Import({ metadata: subset.metadata, images: folder, source });
    const error = await errorOf(runImport(prepared, { db, imagesRoot, strict: true, batchSize: 5 }));
    expect(error.message).toMatch(/^Row 25 \(image\): Not a supported image/);
    expect(await countSource(db, source)).toEqual({ patients: 0, cases: 0, images: 0, annotations: 0 });
  });
});

describe('an interrupted import', () => {
  it('resumes where it stopped and ends with exact counts', async () => {
    const subset = writeHamSubset(400);
    const source = uniqueName('ham');
    const prepare = () => prepareHam10000Import({ metadata: subset.metadata, pixels: subset.pixels, source });
    const controller = new AbortController();
    const interrupted = await runImport(await prepare(), {
      db,
      imagesRoot,
      batchSize: 100,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done >= 200) controller.abort(new Error('operator pressed Ctrl-C'));
      },
    }).then(
      () => null,
      (error: Error) => error,
    );
    expect(interrupted?.message).toBe('operator pressed Ctrl-C');
    const partial = await countSource(db, source);
    expect(partial.images).toBeGreaterThanOrEqual(200);
    expect(partial.images).toBeLessThan(400);
    const run = await db.importRun.findFirstOrThrow({
      where: { sourceFiles: { path: ['source'], equals: source } },
    });
    expect([run.status, run.cursor]).toEqual(['RUNNING', partial.images]);

    const resumed = await runImport(await prepare(), { db, imagesRoot, batchSize: 100 });
    expect(resumed).toMatchObject({ runId: run.id, resumed: true });
    expect(resumed.counts).toMatchObject({
      rows: 400,
      imported: 400,
      skipped: 0,
      alreadyPresent: 0,
      annotations: 400,
    });
    const lesions = new Set(subset.rows.map((line) => line.split(',')[0])).size;
    expect(await countSource(db, source)).toEqual({
      patients: lesions,
      cases: lesions,
      images: 400,
      annotations: 400,
    });
  });
});
