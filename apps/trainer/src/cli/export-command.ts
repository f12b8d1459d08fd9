import { disposePretrainState } from '@dermino/model';
import { resumePretraining } from '@dermino/model/checkpoint';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { useConfiguredBackend } from '../backend/use-backend.js';
import { writeFileAtomic } from '../jobs/shared/artifacts.js';
import { backboneOnnx } from '../jobs/pretrain/export-backbone.js';
import { findLatestCheckpoint } from '../jobs/pretrain/checkpoint-folder.js';

export function registerExportCommand(program: Command, _env: () => Env): void {
  program
    .command('export-onnx')
    .description('Export a pretraining checkpoint (backbone + concept head) to ONNX')
    .requiredOption('--checkpoint <dir>', 'a checkpoint folder, or a run folder (its latest checkpoint)')
    .requiredOption('--out <file>', 'the .onnx file to write')
    .action(async (options: { checkpoint: string; out: string }) => {
      await useConfiguredBackend();
      const latest = await findLatestCheckpoint(options.checkpoint);
      const state = await resumePretraining(latest?.dir ?? options.checkpoint);
      try {
        const bytes = backboneOnnx(state);
        await writeFileAtomic(options.out, bytes);
        console.log(`Wrote ${options.out} (${bytes.length} bytes, step ${state.step}).`);
      } finally {
        disposePretrainState(state);
      }
    });
}
