import { runEvaluateFile } from '@dermino/analytics/cli/evaluate-file';
import type { Command } from 'commander';
import type { Env } from '../env.js';

export function registerEvaluateFileCommand(program: Command, _env: () => Env): void {
  program
    .command('evaluate-file')
    .description('Evaluation report of a predictions CSV (label column + probability_class_<k> columns); --help for options')
    .helpOption(false)
    .allowUnknownOption(true)
    .argument('[args...]')
    .action(async (args: string[]) => {
      process.exitCode = await runEvaluateFile(args, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
    });
}
