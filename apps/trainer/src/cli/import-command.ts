import os from 'node:os';
import path from 'node:path';
import { AppError, listConcepts, migrateDatabase } from '@dermino/db';
import {
  type ImportSummary,
  type PreparedImport,
  prepareFitzpatrick17kImport,
  prepareGenericCsvImport,
  prepareHam10000Import,
  prepareIsicImport,
  runImport,
} from '@dermino/ingest';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { createProgressBar } from '../progress/progress-bar.js';
import { openDatabase } from './database.js';
import { printImportSummary } from './print-import-summary.js';

interface CommonOptions {
  strict?: boolean;
  json?: boolean;
  source?: string;
  batchSize?: string;
}

type Prepare = (
  options: Record<string, string | undefined>,
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
) => Promise<PreparedImport>;

const resolve = (file: string | undefined) => (file ? path.resolve(file) : undefined);

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new AppError('BAD_INPUT', { message: `${name} must be a positive integer; got "${value}".` });
  return number;
}

async function runImportCommand(
  env: Env,
  title: string,
  options: CommonOptions & Record<string, string | undefined>,
  prepare: Prepare,
) {
  const database = await openDatabase(env);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  const bar = options.json ? null : createProgressBar(title, { unit: 'rows' });
  let summary: ImportSummary;
  try {
    await migrateDatabase({ url: database.handle.url });
    const prepared = await prepare(options, database.db);
    summary = await runImport(prepared, {
      db: database.db,
      imagesRoot: path.join(env.home, 'images'),
      strict: options.strict,
      batchSize: positiveInteger(options.batchSize, '--batch-size'),
      createdBy: os.userInfo().username,
      signal: controller.signal,
      onProgress: ({ done, total }) => bar?.update(done, total),
    });
  } catch (error) {
    bar?.stop();
    if (controller.signal.aborted) {
      console.error('Interrupted: the committed batches are kept; run the same command again to resume.');
      process.exitCode = 130;
      return;
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    await database.close();
  }
  bar?.stop();
  if (options.json) console.log(JSON.stringify(summary, null, 2));
  else printImportSummary(summary);
}

function withCommonOptions(command: Command): Command {
  return command
    .option('--strict', 'abort on the first bad row, leaving the registry as it was')
    .option('--source <name>', 'registry source name (default: the dataset name)')
    .option('--batch-size <rows>', 'rows per committed batch (default 1000)')
    .option('--json', 'print a machine-readable summary');
}

export function registerImportCommands(program: Command, env: () => Env): void {
  const command = program
    .command('import')
    .description('Import images and metadata into the registry (resumable, idempotent)');
  withCommonOptions(
    command.command('ham10000').description('HAM10000 metadata with an image folder or an hmnist pixel CSV'),
  )
    .requiredOption('--metadata <csv>', 'HAM10000_metadata.csv')
    .option('--images <dir>', 'folder of <image_id>.jpg')
    .option('--pixels <csv>', 'hmnist_<s>_<s>_<L|RGB>.csv (row i = metadata row i)')
    .action((options) =>
      runImportCommand(env(), 'Importing HAM10000', options, (o) =>
        prepareHam10000Import({
          metadata: resolve(o.metadata)!,
          images: resolve(o.images),
          pixels: resolve(o.pixels),
          source: o.source,
        }),
      ),
    );
  withCommonOptions(
    command.command('isic').description('ISIC archive metadata CSV with a folder of <isic_id>.jpg'),
  )
    .requiredOption('--metadata <csv>', 'ISIC metadata CSV')
    .requiredOption('--images <dir>', 'folder of <isic_id>.jpg')
    .action((options) =>
      runImportCommand(env(), 'Importing ISIC', options, (o) =>
        prepareIsicImport({ metadata: resolve(o.metadata)!, images: resolve(o.images)!, source: o.source }),
      ),
    );
  withCommonOptions(
    command
      .command('fitzpatrick17k')
      .description('Fitzpatrick17k CSV: pending images by URL, files by md5 name when given'),
  )
    .requiredOption('--metadata <csv>', 'fitzpatrick17k.csv')
    .option('--images <dir>', 'folder of <md5hash>.jpg, also completes images left pending by earlier runs')
    .action((options) =>
      runImportCommand(env(), 'Importing Fitzpatrick17k', options, (o) =>
        prepareFitzpatrick17kImport({
          metadata: resolve(o.metadata)!,
          images: resolve(o.images),
          source: o.source,
        }),
      ),
    );
  command
    .command('csv')
    .description('Any CSV with an image folder, columns mapped by a JSON or YAML file')
    .requiredOption('--mapping <file>', 'column mapping (.json, .yaml)')
    .requiredOption('--metadata <csv>', 'metadata CSV')
    .requiredOption('--images <dir>', 'image folder')
    .option('--strict', 'abort on the first bad row, leaving the registry as it was')
    .option('--batch-size <rows>', 'rows per committed batch (default 1000)')
    .option('--json', 'print a machine-readable summary')
    .action((options) =>
      runImportCommand(env(), 'Importing CSV', options, async (o, db) =>
        prepareGenericCsvImport(
          { mapping: resolve(o.mapping)!, metadata: resolve(o.metadata)!, images: resolve(o.images)! },
          await listConcepts(db),
        ),
      ),
    );
}
