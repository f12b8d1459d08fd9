import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../errors.js';
import { BACKUP_FORMAT, type BackupEnd, type BackupHeader, type BackupLine } from './backup-format.js';
import { exportDatabase } from './export-database.js';
import { createDatabaseImporter } from './import-database.js';
import { findMigrationStatusByUrl } from './migrations-by-url.js';

/** Data-folder entries that are not data: the embedded server's files (the database is exported logically). */
const SKIPPED = new Set(['pgdata', 'db-server.json', 'db-server.lock']);

async function listDataFiles(home: string, dir = ''): Promise<string[]> {
  const entries = await readdir(path.join(home, dir), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (!dir && SKIPPED.has(entry.name)) continue;
    if (entry.name.endsWith('.tmp')) continue;
    if (entry.isDirectory()) files.push(...(await listDataFiles(home, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files.sort();
}

export interface BackupSummary {
  rows: Record<string, number>;
  files: number;
  bytes: number;
}

/**
 * Database (one consistent snapshot), then the data folder's files (images, models, uploads, the session secret):
 * content-addressed and written once, so files referenced by the snapshot are there while the platform runs.
 * Written to `<out>.tmp` and renamed when complete.
 */
export async function writeBackup(options: {
  url: string;
  home: string;
  out: string;
}): Promise<BackupSummary> {
  const tmp = `${options.out}.tmp`;
  const gzip = createGzip();
  const sink = createWriteStream(tmp);
  gzip.pipe(sink);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  try {
    const rows = await exportDatabase(options.url, write);
    const files = await listDataFiles(options.home);
    for (const file of files) {
      const bytes = await readFile(path.join(options.home, file));
      await write({
        file,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        base64: bytes.toString('base64'),
      });
    }
    await write({ end: true, rows, files: files.length } satisfies BackupEnd);
    gzip.end();
    await once(sink, 'close');
    await rename(tmp, options.out);
    return { rows, files: files.length, bytes: (await stat(options.out)).size };
  } catch (error) {
    gzip.destroy();
    sink.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}

export async function* readBackupLines(file: string): AsyncGenerator<BackupLine> {
  const lines = readline.createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let number = 0;
  try {
    for await (const text of lines) {
      number++;
      try {
        yield JSON.parse(text) as BackupLine;
      } catch {
        throw new AppError('BAD_INPUT', {
          message: `${file}: line ${number} is not JSON: not a DermINO backup, or damaged.`,
        });
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_INPUT', {
      message: `${file}: cannot be read as a gzip'd backup (${(error as Error).message}).`,
    });
  }
}

/**
 * Restores a backup into a migrated, empty database and an empty data folder; nothing is committed to the database
 * unless the whole file is read and its counts match (a truncated file leaves the database as it was).
 */
export async function restoreBackup(options: {
  file: string;
  url: string;
  home: string;
}): Promise<BackupSummary> {
  const lines = readBackupLines(options.file);
  const first = (await lines.next()).value as BackupHeader | undefined;
  if (first?.format !== BACKUP_FORMAT)
    throw new AppError('BAD_INPUT', { message: `${options.file} is not a DermINO backup (no header).` });
  const { applied } = await findMigrationStatusByUrl(options.url);
  if (applied.join(',') !== first.migrations.join(','))
    throw new AppError('CONFLICT', {
      message: `The backup was made at migration ${first.migrations.at(-1)}; this DermINO is at ${applied.at(-1)}: restore with the same version.`,
    });
  const importer = createDatabaseImporter(options.url);
  const rows: Record<string, number> = Object.fromEntries(first.tables.map((table) => [table, 0]));
  let files = 0;
  try {
    await importer.open(first.tables);
    for await (const line of lines) {
      if ('table' in line) {
        await importer.add(line.table, line.row);
        rows[line.table] = (rows[line.table] ?? 0) + 1;
      } else if ('file' in line) {
        const bytes = Buffer.from(line.base64, 'base64');
        if (
          createHash('sha256').update(bytes).digest('hex') !== line.sha256 ||
          line.file.split('/').includes('..')
        )
          throw new AppError('BAD_INPUT', {
            message: `${options.file}: the file ${line.file} in it is damaged.`,
          });
        const target = path.join(options.home, line.file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, bytes, { flag: 'wx' });
        files++;
      } else if ('end' in line) {
        const short = Object.entries(line.rows).find(([table, count]) => (rows[table] ?? 0) !== count);
        if (short || files !== line.files)
          throw new AppError('BAD_INPUT', {
            message: `${options.file}: the counts do not match its end line (damaged).`,
          });
        await importer.finish();
        return { rows, files, bytes: (await stat(options.file)).size };
      }
    }
    throw new AppError('BAD_INPUT', {
      message: `${options.file} is truncated (no end line): nothing was restored.`,
    });
  } finally {
    await importer.close();
  }
}
