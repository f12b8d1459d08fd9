import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, readServerInfo } from '@dermino/db';
import { startTestDatabase } from '@dermino/db/testing';
import sharp from 'sharp';
import { readCsvFile } from '../src/csv/read-csv.js';
import { mapConcurrent } from '../src/import/map-concurrent.js';
import { runImport } from '../src/import/run-import.js';
import { prepareHam10000Import } from '../src/sources/ham10000.js';

export interface HamBenchResult {
  databaseStartSeconds: number;
  prepareSeconds: number;
  importSeconds: number;
  endToEndSeconds: number;
  referenceSeconds: number;
  /** CPU seconds of this process and of the database server during the import: robust to other load. */
  importCpuSeconds: number;
  referenceCpuSeconds: number;
  images: number;
}

/** user+system CPU seconds of another process, from /proc (Linux); 0 elsewhere. */
function processCpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const ownCpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/**
 * HAM10000 metadata + 8x8 pixels into a fresh embedded database, end to end. Reference in the same run: reading
 * both CSVs and PNG-encoding every pixel row once (the work no importer can skip).
 */
export async function benchHamImport(files: { metadata: string; pixels: string }): Promise<HamBenchResult> {
  const dbStart = performance.now();
  const database = await startTestDatabase();
  const databaseStartSeconds = (performance.now() - dbStart) / 1000;
  const db = createDb({ url: database.url });
  const imagesRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-bench-ham-'));
  try {
    const serverPid = readServerInfo(database.home)?.pid;
    const cpuBefore = ownCpuSeconds() + processCpuSeconds(serverPid);
    const started = performance.now();
    const prepared = await prepareHam10000Import(files);
    const prepareSeconds = (performance.now() - started) / 1000;
    const summary = await runImport(prepared, { db, imagesRoot });
    const endToEndSeconds = (performance.now() - started) / 1000;
    const importCpuSeconds = ownCpuSeconds() + processCpuSeconds(serverPid) - cpuBefore;
    const referenceCpuBefore = ownCpuSeconds();

    const referenceStart = performance.now();
    await readCsvFile(files.metadata, { label: 'metadata' });
    const pixels = await readCsvFile(files.pixels, { label: 'pixels' });
    await mapConcurrent(pixels.rows, 4, (row) => {
      const raw = Buffer.from(pixels.header.slice(0, 64).map((name) => Number(row.values[name])));
      return sharp(raw, { raw: { width: 8, height: 8, channels: 1 } })
        .png()
        .toBuffer();
    });
    const referenceSeconds = (performance.now() - referenceStart) / 1000;
    const referenceCpuSeconds = ownCpuSeconds() - referenceCpuBefore;
    return {
      databaseStartSeconds,
      prepareSeconds,
      importSeconds: endToEndSeconds - prepareSeconds,
      endToEndSeconds,
      referenceSeconds,
      importCpuSeconds,
      referenceCpuSeconds,
      images: summary.counts.imported,
    };
  } finally {
    await db.$disconnect();
    await database.close();
    fs.rmSync(imagesRoot, { recursive: true, force: true });
  }
}
