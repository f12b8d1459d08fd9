import { AppError } from '@dermino/db';
import { readCsvFile } from '../csv/read-csv.js';
import type { RawInfo } from '../intake/perceptual-hash.js';
import { HMNIST_LABELS } from '../mapping/diagnoses.js';

export interface HamPixelRow {
  line: number;
  label?: string;
  pixels?: Buffer;
  problem?: { field: string | null; reason: string };
}

export interface HamPixels {
  path: string;
  sha256: string;
  bytes: number;
  info: RawInfo;
  rows: HamPixelRow[];
}

/** The image size and channels from the header: `pixel0000..pixelN` and `label`; N+1 is s*s (L) or s*s*3 (RGB). */
function infoFromHeader(header: string[], path: string): RawInfo {
  const count = header.length - 1;
  const wellFormed =
    header[count] === 'label' &&
    header.slice(0, count).every((name, index) => name === `pixel${String(index).padStart(4, '0')}`);
  const grey = Math.round(Math.sqrt(count));
  const colour = Math.round(Math.sqrt(count / 3));
  if (wellFormed && grey * grey === count) return { width: grey, height: grey, channels: 1 };
  if (wellFormed && colour * colour * 3 === count) return { width: colour, height: colour, channels: 3 };
  throw new AppError('BAD_INPUT', {
    message: `--pixels ${path} does not look like an hmnist CSV: expected columns pixel0000..pixelN then label, with N+1 = s*s or s*s*3.`,
  });
}

export async function readHamPixels(path: string, metadataRows: number): Promise<HamPixels> {
  const table = await readCsvFile(path, { label: '--pixels', requiredColumns: ['label'] });
  const info = infoFromHeader(table.header, path);
  if (table.rows.length !== metadataRows) {
    throw new AppError('BAD_INPUT', {
      message: `--pixels ${path} has ${table.rows.length} rows but --metadata has ${metadataRows}: row i must be the image of metadata row i.`,
    });
  }
  const count = table.header.length - 1;
  const rows = table.rows.map((row): HamPixelRow => {
    if (row.shapeProblem)
      return { line: row.line, problem: { field: null, reason: `the row ${row.shapeProblem}` } };
    const pixels = Buffer.alloc(count);
    for (let index = 0; index < count; index++) {
      const name = table.header[index];
      const text = row.values[name];
      const value = Number(text);
      if (text === '' || !Number.isInteger(value) || value < 0 || value > 255) {
        return {
          line: row.line,
          problem: { field: name, reason: `${name} "${text}" is not an integer from 0 to 255` },
        };
      }
      pixels[index] = value;
    }
    const label = HMNIST_LABELS[Number(row.values.label)];
    if (!label || row.values.label === '') {
      return {
        line: row.line,
        problem: { field: 'label', reason: `label "${row.values.label}" is not 0-6` },
      };
    }
    return { line: row.line, label, pixels };
  });
  return { path: table.path, sha256: table.sha256, bytes: table.bytes, info, rows };
}
