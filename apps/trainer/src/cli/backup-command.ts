import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppError, ensureDatabase, migrateDatabase } from '@dermino/db';
import { restoreBackup, writeBackup } from '@dermino/db/backup';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { openDatabase } from './database.js';

const describe = (summary: { rows: Record<string, number>; files: number; bytes: number }) => {
  const rows = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
  return `${rows} rows in ${Object.keys(summary.rows).length} tables, ${summary.files} files, ${(summary.bytes / 1e6).toFixed(1)} MB`;
};

export function registerBackupCommands(program: Command, env: () => Env): void {
  program
    .command('backup')
    .description(
      'Write the database (one consistent snapshot), images, models and uploads to one file; safe while the platform runs',
    )
    .requiredOption('--out <file>', 'the backup file to write (gzip, JSON lines)')
    .action(async (options: { out: string }) => {
      const database = await openDatabase(env());
      try {
        const summary = await writeBackup({
          url: database.handle.url,
          home: env().home,
          out: path.resolve(options.out),
        });
        console.log(`Backed up ${describe(summary)} to ${options.out}.`);
      } finally {
        await database.close();
      }
    });
  program
    .command('restore <file>')
    .description(
      'Restore a backup into an empty data folder (DERMINO_HOME) or an empty DATABASE_URL database',
    )
    .action(async (file: string) => {
      const { home, DATABASE_URL } = env();
      if (!existsSync(file)) throw new AppError('BAD_INPUT', { message: `restore: ${file} does not exist.` });
      if (existsSync(home) && readdirSync(home).length > 0)
        throw new AppError('CONFLICT', {
          message: `restore: the data folder ${home} is not empty; set DERMINO_HOME to a new folder (nothing was changed).`,
        });
      const handle = await ensureDatabase({ databaseUrl: DATABASE_URL, home });
      try {
        await migrateDatabase({ url: handle.url });
        const summary = await restoreBackup({ file, url: handle.url, home });
        console.log(`Restored ${describe(summary)} into ${home}.`);
      } finally {
        await handle.close();
      }
    });
}
