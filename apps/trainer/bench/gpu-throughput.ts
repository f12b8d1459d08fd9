// `npm run bench:gpu -w @dermino/trainer -- --backend wasm --preset tiny,vit-s16`: pretraining throughput per ViT
// preset on one backend; the same code as the GPU bundle's `node dermino.mjs bench` (see bundle/README.bundle.md).
import { Command } from 'commander';
import { registerGpuBenchCommand } from '../src/gpu-bench/gpu-bench-command.js';

const program = new Command('bench:gpu');
registerGpuBenchCommand(program);
await program
  .parseAsync([process.argv[0], process.argv[1], 'bench', ...process.argv.slice(2)])
  .catch((error: Error) => {
    console.error(`bench:gpu: ${error.message}`);
    process.exit(1);
  });
