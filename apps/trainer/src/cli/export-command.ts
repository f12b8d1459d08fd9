import { disposePretrainState } from '@dermino/model';
import { resumePretraining } from '@dermino/model/checkpoint';
import type { Command } from 'commander';
import { useConfiguredBackend } from '../backend/use-backend.js';
import type { Env } from '../env.js';
import { backboneOnnx } from '../jobs/pretrain/export-backbone.js';
import { writeFileAtomic } from '../jobs/shared/artifacts.js';
import { resolveCheckpointDir } from './resolve-checkpoint.js';

export function registerExportCommand(program: Command, _env: () => Env): void {
  program
    .command('export-onnx')
    .description('Export a pretraining checkpoint (backbone + concept head) to ONNX')
    .requiredOption(
      '--checkpoint <dir>',
      'the folder `pretrain --out` wrote or a run folder (its latest checkpoint), or one checkpoint folder',
    )
    .requiredOption('--out <file>', 'the .onnx file to write')
    .action(async (options: { checkpoint: string; out: string }) => {
      const checkpoint = await resolveCheckpointDir(options.checkpoint);
      await useConfiguredBackend();
      const state = await resumePretraining(checkpoint);
      try {
        const bytes = await backboneOnnx(state);
        await writeFileAtomic(options.out, bytes);
        console.log(`Wrote ${options.out} (${bytes.length} bytes, step ${state.step}).`);
      } finally {
        disposePretrainState(state);
      }
    });
}
