import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { AppError } from '@dermino/db';
import { CsvError, parse } from 'csv-parse/sync';
import { decodeUtf8 } from './decode-utf8.js';

export interface CsvRow {
  /** Line of the file where the row ends (the header is line 1): what a data team opens in an editor. */
  line: number;
  values: Record<string, string>;
  /** Set when the row's field count differs from the header's. */
  shapeProblem?: string;
}

export interface CsvTable {
  path: string;
  sha256: string;
  bytes: number;
  header: string[];
  rows: CsvRow[];
}

export interface ReadCsvOptions {
  /** How the file is named in messages, e.g. "--metadata". */
  label: string;
  requiredColumns?: readonly string[];
  /** At least one of these columns must be present. */
  anyOfColumns?: readonly string[];
}

async function readBytes(path: string, label: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new AppError('BAD_INPUT', {
      message: `Cannot read ${label} ${path}: ${why}.`,
      details: { argument: label },
    });
  }
}

function parseRecords(text: string, path: string, label: string) {
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    throw new AppError('BAD_INPUT', {
      message: `${label} ${path} is not valid CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`,
      details: { argument: label, line },
    });
  }
}

/** Reads a whole CSV file with a header row; file-level problems throw, row-level ones are left to the caller. */
export async function readCsvFile(path: string, options: ReadCsvOptions): Promise<CsvTable> {
  const { label } = options;
  const bytes = await readBytes(path, label);
  if (bytes.length === 0) throw new AppError('BAD_INPUT', { message: `${label} ${path} is empty.` });
  const text = decodeUtf8(bytes, `${label} ${path}`);
  const records = parseRecords(text, path, label);
  if (records.length === 0)
    throw new AppError('BAD_INPUT', { message: `${label} ${path} has no header row.` });
  const header = records[0].record.map((name) => name.trim());
  const duplicated = header.filter((name, index) => header.indexOf(name) !== index);
  if (duplicated.length > 0) {
    throw new AppError('BAD_INPUT', {
      message: `${label} ${path} repeats column ${duplicated.join(', ')} in its header.`,
    });
  }
  const missing = (options.requiredColumns ?? []).filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new AppError('BAD_INPUT', {
      message: `${label} ${path} is missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${header.join(', ')}).`,
      details: { argument: label, missing },
    });
  }
  if (options.anyOfColumns && !options.anyOfColumns.some((column) => header.includes(column))) {
    throw new AppError('BAD_INPUT', {
      message: `${label} ${path} needs one of the columns ${options.anyOfColumns.join(', ')} (found: ${header.join(', ')}).`,
    });
  }
  const rows = records.slice(1).map(({ record, info }): CsvRow => {
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = record[index] ?? '';
    });
    const shapeProblem =
      record.length === header.length
        ? undefined
        : `has ${record.length} fields where the header has ${header.length}`;
    return { line: info.lines, values, shapeProblem };
  });
  return {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    header,
    rows,
  };
}
