// `npm run bench -w packages/model`: every benchmark section of the package, one table each.
// Sections live in their own modules (training.ts, serving.ts) so each can also run alone.
import os from 'node:os';
import { runServingBench, SERVING_TABLE_HEADER } from './serving';
import { runTrainingBench, TRAINING_TABLE_HEADER } from './training';
import { runWeightsBench, WEIGHTS_TABLE_HEADER } from './weights';

console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`,
);
console.log('\nTraining (tfjs wasm backend, hybrid DINO+iBOT+KoLeo step)');
console.log(TRAINING_TABLE_HEADER);
await runTrainingBench({ log: (line) => console.log(line) });
console.log('\nServing');
console.log(SERVING_TABLE_HEADER);
await runServingBench({ log: (line) => console.log(line) });
console.log('\nReleased weights (ViT-B/14 of the real shape: import, then ONNX serving on 2 threads)');
console.log(WEIGHTS_TABLE_HEADER);
await runWeightsBench({ log: (line) => console.log(line) });
