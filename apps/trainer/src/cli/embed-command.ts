import { createWriteStream } from 'node:fs';
import { embedImages, formatEmbeddingLine } from '@dermino/model';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { createProgressBar } from '../progress/progress-bar.js';
import { listFiles } from './cli-data.js';

export function registerEmbedCommand(program: Command, _env: () => Env): void {
  program
    .command('embed')
    .description('Embed a folder of images with an ONNX model into JSON Lines ({"file", "embedding"} per line)')
    .requiredOption('--model <file>', 'an ONNX model exported by dermino')
    .requiredOption('--images <folder>', 'folder of images (searched recursively; other files are skipped)')
    .requiredOption('--out <file>', 'the .jsonl file to write')
    .option('--batch-size <n>', 'images per run', '16')
    .action(async (options: { model: string; images: string; out: string; batchSize: string }) => {
      const files = await listFiles(options.images);
      const bar = createProgressBar('embed', { unit: 'images' });
      const { rows, skipped } = await embedImages({
        modelPath: options.model,
        files,
        batchSize: Number(options.batchSize),
        onProgress: ({ done, total }) => bar.update(done, total),
        onWarning: (warning) => process.stderr.write(`\nwarning: ${warning.reason}\n`),
      });
      const out = createWriteStream(options.out);
      for (const row of rows) out.write(`${formatEmbeddingLine(row)}\n`);
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      bar.stop(`Embedded ${rows.length} images into ${options.out}${skipped.length ? `; skipped ${skipped.length} files` : ''}.`);
    });
}
