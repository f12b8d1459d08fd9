// The GPU bundle's command (dermino.mjs): bench, worker and pretrain. The trainer's full CLI is not in it: `start`
// and `demo` need the embedded database and the web app. Each command's code is loaded on demand.
import { Command } from 'commander';
import { describeCliError, takeDebugFlag } from '../src/cli/describe-cli-error.js';
import { loadEnv } from '../src/env.js';

const { debug, argv } = takeDebugFlag(process.argv);
const program = new Command('dermino')
  .description('DermINO GPU trainer bundle: benchmark, training worker, pretraining')
  .showHelpAfterError()
  .option('--debug', 'print the whole error (stack, causes) when a command fails');

async function run(): Promise<void> {
  const command = argv[2];
  if (command === 'bench' || !command || command.startsWith('-'))
    (await import('../src/gpu-bench/gpu-bench-command.js')).registerGpuBenchCommand(program);
  if (command === 'worker' || !command || command.startsWith('-'))
    (await import('./bundle-worker-command.js')).registerBundleWorkerCommand(program);
  if (command === 'pretrain' || !command || command.startsWith('-'))
    (await import('../src/cli/pretrain-command.js')).registerPretrainCommand(program, loadEnv);
  if (command && !command.startsWith('-') && !['bench', 'worker', 'pretrain'].includes(command))
    throw new Error(
      `unknown command "${command}"; the bundle has bench, worker and pretrain (node dermino.mjs --help).`,
    );
  await program.parseAsync(argv);
}

run().catch((error: unknown) => {
  console.error(debug ? error : `dermino: ${describeCliError(error)}`);
  process.exit(1);
});
