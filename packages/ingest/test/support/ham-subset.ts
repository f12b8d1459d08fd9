import fs from 'node:fs';
import path from 'node:path';
import { HAM_METADATA, HAM_PIXELS } from './db.js';
import { makeJpeg, tempDir } from './images.js';

const metadataLines = () => fs.readFileSync(HAM_METADATA, 'utf8').trimEnd().split('\n');
const pixelLines = () => fs.readFileSync(HAM_PIXELS, 'utf8').trimEnd().split('\n');

export interface HamSubset {
  dir: string;
  metadata: string;
  pixels: string;
  /** Data lines (no header) as written, for tests to refer to. */
  rows: string[];
}

/**
 * The first `count` rows of the real HAM10000 files in a temp folder (never in the repo), optionally edited:
 * `edit` receives the data lines of metadata and pixels and may change them in place.
 */
export function writeHamSubset(
  count: number,
  edit?: (metadata: string[], pixels: string[]) => void,
): HamSubset {
  const dir = tempDir('dermino-ham-');
  const [metadataHeader, ...metadataRows] = metadataLines().slice(0, count + 1);
  const [pixelHeader, ...pixelRows] = pixelLines().slice(0, count + 1);
  edit?.(metadataRows, pixelRows);
  const metadata = path.join(dir, 'HAM10000_metadata.csv');
  const pixels = path.join(dir, 'hmnist_8_8_L.csv');
  fs.writeFileSync(metadata, `${[metadataHeader, ...metadataRows].join('\n')}\n`);
  fs.writeFileSync(pixels, `${[pixelHeader, ...pixelRows].join('\n')}\n`);
  return { dir, metadata, pixels, rows: metadataRows };
}

/** A folder of `<image_id>.jpg` photos (synthetic pixels) for the given metadata rows. */
export async function writeImageFolder(rows: string[], width = 48, height = 36): Promise<string> {
  const dir = tempDir('dermino-images-');
  await Promise.all(
    rows.map(async (line, index) => {
      const imageId = line.split(',')[1];
      fs.writeFileSync(path.join(dir, `${imageId}.jpg`), await makeJpeg(width, height, index + 1));
    }),
  );
  return dir;
}
