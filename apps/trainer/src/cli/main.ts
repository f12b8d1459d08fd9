import { Command } from 'commander';
import { type Env, loadEnv } from '../env.js';
import { startPlatform } from '../launcher/start-platform.js';
import { registerBackupCommands } from './backup-command.js';
import { registerBenchCommands } from './bench-command.js';
import { registerDatasetCommands } from './dataset-command.js';
import { registerDemoCommands } from './demo-command.js';
import { describeCliError, takeDebugFlag } from './describe-cli-error.js';
import { registerEmbedCommand } from './embed-command.js';
import { registerEvaluateFileCommand } from './evaluate-file-command.js';
import { registerExportCommand } from './export-command.js';
import { registerImportBackboneCommand } from './import-backbone-command.js';
import { registerImportCommands } from './import-command.js';
import { registerJobsCommands } from './jobs-command.js';
import { registerModelsCommands } from './models-command.js';
import { registerPretrainCommand } from './pretrain-command.js';
import { registerTrainCommand } from './train-command.js';
import { runWorkerCommand } from './worker-command.js';

let env: Env | undefined;
const getEnv = () => (env ??= loadEnv());

const program = new Command('dermino')
  .description('DermINO: dermatology image AI platform')
  .showHelpAfterError();
program
  .command('start')
  .description('Run the whole platform (database, API, dashboard, worker) on this machine')
  .action(() => startPlatform(getEnv()));
program
  .command('worker')
  .description('Run a trainer worker that takes jobs from the queue')
  .option('--kinds <kinds>', 'only these job kinds, comma-separated (e.g. pretrain,finetune); default all')
  .option(
    '--backend <name>',
    'tfjs backend for training jobs: tensorflow-gpu, webgpu, tensorflow, wasm or cpu (default: DERMINO_BACKEND, else the fastest that loads)',
  )
  .action((options: { kinds?: string; backend?: string }) => runWorkerCommand(getEnv(), options));
registerJobsCommands(program, getEnv);
registerTrainCommand(program, getEnv);
registerModelsCommands(program, getEnv);
registerPretrainCommand(program, getEnv);
registerExportCommand(program, getEnv);
registerEmbedCommand(program, getEnv);
registerEvaluateFileCommand(program, getEnv);
registerImportCommands(program, getEnv);
registerImportBackboneCommand(program, getEnv);
registerDatasetCommands(program, getEnv);
registerBackupCommands(program, getEnv);
registerDemoCommands(program, getEnv);
registerBenchCommands(program, getEnv);

// Errors are one line; --debug (anywhere on the line) prints the whole error with its stack.
const { debug, argv } = takeDebugFlag(process.argv);
program.option('--debug', 'print the whole error (stack, causes) when a command fails');
program.parseAsync(argv).catch((error: unknown) => {
  console.error(debug ? error : `dermino: ${describeCliError(error)}`);
  process.exit(1);
});
