// npm run bench -w packages/ingest: HAM10000 import end to end and JPEG intake, each with a same-run reference.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchHamImport } from './ham-import.js';
import { benchIntake, makePhotos } from './intake.js';

const shared = fileURLToPath(new URL('../../../../shared/data/ham10000/', import.meta.url));
const load = () => os.loadavg()[0].toFixed(1);

console.log(`machine: ${os.cpus().length} cores, load average ${load()} at start`);
const ham = await benchHamImport({
  metadata: path.join(shared, 'HAM10000_metadata.csv'),
  pixels: path.join(shared, 'hmnist_8_8_L.csv'),
});
console.log(
  `HAM10000 metadata + 8x8 pixels: ${ham.images} images end to end in ${ham.endToEndSeconds.toFixed(1)} s ` +
    `(read+map ${ham.prepareSeconds.toFixed(1)} s, intake+write ${ham.importSeconds.toFixed(1)} s; goal < 20 s); ` +
    `reference (parse both CSVs + PNG-encode every row) ${ham.referenceSeconds.toFixed(1)} s, ratio ${(ham.endToEndSeconds / ham.referenceSeconds).toFixed(2)}x; ` +
    `CPU: import ${ham.importCpuSeconds.toFixed(1)} s (ingest + database processes), reference ${ham.referenceCpuSeconds.toFixed(1)} s; ` +
    `database start ${ham.databaseStartSeconds.toFixed(1)} s (not counted); load ${load()}`,
);
const photos = await makePhotos(Number(process.argv[2] ?? 1000));
const intake = await benchIntake(photos);
console.log(
  `JPEG 1024x768 intake: ${intake.images} images at ${intake.intakePerSecond.toFixed(1)} images/s (concurrency ${intake.concurrency}); ` +
    `reference sharp decode alone ${intake.decodePerSecond.toFixed(1)} images/s; intake = ${(intake.ratio * 100).toFixed(0)}% of decode speed; ` +
    `CPU per image: intake ${intake.intakeCpuMs.toFixed(1)} ms, decode ${intake.decodeCpuMs.toFixed(1)} ms; load ${load()}`,
);
