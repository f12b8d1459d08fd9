import { cancelJob, findJobs, getJobById, type JobRow } from '@dermino/db';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { openDatabase } from './database.js';

function describe(job: JobRow): string {
  const progress = job.total ? `${job.step}/${job.total}` : `${job.step}`;
  return `${job.id}  ${job.kind.padEnd(9)} ${job.status.padEnd(9)} ${progress.padEnd(12)} ${job.createdAt.toISOString()}${job.error ? `  error: ${job.error}` : ''}`;
}

export function registerJobsCommands(program: Command, env: () => Env): void {
  const jobs = program.command('jobs').description('List, show and cancel jobs');
  const withDb = async <T>(action: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) => {
    const database = await openDatabase(env());
    try {
      return await action(database.db);
    } finally {
      await database.close();
    }
  };
  jobs
    .command('list')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const rows = await withDb((db) => findJobs(db, { take: 100 }));
      console.log(options.json ? JSON.stringify(rows, null, 2) : rows.map(describe).join('\n') || 'No jobs.');
    });
  jobs
    .command('show <id>')
    .option('--json', 'machine-readable output')
    .action(async (id: string, options: { json?: boolean }) => {
      const job = await withDb((db) => getJobById(db, id));
      console.log(options.json ? JSON.stringify(job, null, 2) : describe(job));
    });
  jobs.command('cancel <id>').action(async (id: string) => {
    const job = await withDb((db) => cancelJob(db, id));
    console.log(`Cancelled ${job.id}.`);
  });
}
