import os from 'node:os';
import { AppError, migrateDatabase } from '@dermino/db';
import {
  checkDatasetVersionLeakage,
  type FreezeSummary,
  freezeDatasetVersion,
  type LeakageCheck,
  parseFilterExpressions,
  parseSplitRatios,
} from '@dermino/ingest';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { openDatabase } from './database.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function printFreeze(summary: FreezeSummary): void {
  const { version } = summary;
  const lines = [
    `Froze ${version.datasetName} v${version.version} (${version.id}): ${summary.images} images, content hash ${version.contentHash.slice(0, 16)}`,
    `  train ${summary.bySplit.TRAIN}, val ${summary.bySplit.VAL}, test ${summary.bySplit.TEST}; unlabelled ${summary.unlabelled}; ties left out for review ${summary.ties.length}`,
    '  label            train    val   test',
  ];
  for (const [label, counts] of Object.entries(summary.byLabel).sort()) {
    lines.push(
      `  ${label.padEnd(14)} ${String(counts.TRAIN).padStart(7)} ${String(counts.VAL).padStart(6)} ${String(counts.TEST).padStart(6)}`,
    );
  }
  lines.push(`  leakage: ${summary.leakage.clean ? 'none' : JSON.stringify(summary.leakage.counts)}`);
  console.log(lines.join('\n'));
}

function printLeakage(check: LeakageCheck): void {
  const lines = [
    `${check.dataset} v${check.version} (${check.versionId}): ${check.images} images (train ${check.splits.TRAIN}, val ${check.splits.VAL}, test ${check.splits.TEST})`,
    `  frozen rows intact: ${check.intact ? 'yes' : 'NO - items no longer match the content hash'}`,
    `  across splits: ${check.counts.lesion} lesions, ${check.counts.patient} patients, ${check.counts.duplicate} exact duplicates`,
  ];
  for (const leak of check.leaks.slice(0, 10))
    lines.push(`  ${leak.kind} ${leak.key} in ${leak.splits.join(' + ')} (${leak.imageIds.length} images)`);
  lines.push(check.clean ? 'No leakage.' : 'LEAKAGE FOUND.');
  console.log(lines.join('\n'));
}

export function registerDatasetCommands(program: Command, env: () => Env): void {
  const dataset = program.command('dataset').description('Freeze dataset versions and check them');
  dataset
    .command('freeze')
    .description(
      'Freeze a new version from a filter, with labels adjudicated and a stratified, grouped split',
    )
    .requiredOption('--name <name>', 'dataset name (created on first freeze)')
    .option(
      '--filter <key=value>',
      'repeatable: diagnosis, confirmation, site, skin-type, sex, age-band, source, device, from, to, labelled, min-blur, status',
      collect,
      [],
    )
    .option('--split <ratios>', 'train/val/test', '70/15/15')
    .option('--group-by <unit>', 'lesion or patient: a group never straddles two splits', 'lesion')
    .option('--seed <n>', 'split seed', '1')
    .option('--note <text>', 'a note kept with the version')
    .option('--json', 'print a machine-readable summary')
    .action(
      async (options: {
        name: string;
        filter: string[];
        split: string;
        groupBy: string;
        seed: string;
        note?: string;
        json?: boolean;
      }) => {
        if (options.groupBy !== 'lesion' && options.groupBy !== 'patient')
          throw new AppError('BAD_INPUT', {
            message: `--group-by must be lesion or patient; got "${options.groupBy}".`,
          });
        const seed = Number(options.seed);
        if (!Number.isInteger(seed))
          throw new AppError('BAD_INPUT', { message: `--seed must be an integer; got "${options.seed}".` });
        const filter = parseFilterExpressions(options.filter);
        const ratios = parseSplitRatios(options.split);
        const database = await openDatabase(env());
        try {
          await migrateDatabase({ url: database.handle.url });
          const summary = await freezeDatasetVersion({
            db: database.db,
            name: options.name,
            filter,
            ratios,
            groupBy: options.groupBy,
            seed,
            note: options.note,
            createdBy: os.userInfo().username,
          });
          if (options.json)
            console.log(
              JSON.stringify(
                { ...summary, ties: summary.ties.slice(0, 100), tieCount: summary.ties.length },
                null,
                2,
              ),
            );
          else printFreeze(summary);
        } finally {
          await database.close();
        }
      },
    );
  dataset
    .command('check-leakage')
    .description(
      'Lesions, patients or exact duplicates on more than one side of a version (exit 1 when found)',
    )
    .requiredOption('--version <id>', 'dataset version id')
    .option('--json', 'print a machine-readable report')
    .action(async (options: { version: string; json?: boolean }) => {
      const database = await openDatabase(env());
      try {
        const check = await checkDatasetVersionLeakage(database.db, { versionId: options.version });
        if (options.json) console.log(JSON.stringify(check, null, 2));
        else printLeakage(check);
        if (!check.clean || !check.intact) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
