/**
 * Seeding cost: metadata for 2,000 images, rendering them at 128 px (and 32/64 px for model tests), against
 * a reference measured in the same run: sharp PNG-encoding the same renders, which seeding does anyway.
 * Usage: npm run bench [-- imageCount]
 */
import { encodeImage, generateCohort, type RenderedImage, renderImage } from '../src/index.js';

const imageCount = Number(process.argv[2] ?? 2000);

function time<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

const metadata = time(() => generateCohort({ seed: 1, imageCount }));
const { images } = metadata.result;
const rows: string[][] = [['step', 'images', 'total ms', 'ms / image']];
const row = (step: string, count: number, ms: number) =>
  rows.push([step, String(count), ms.toFixed(0), (ms / count).toFixed(2)]);
row('generateCohort (metadata)', imageCount, metadata.ms);

// Warm the JIT so the first measured size does not pay for compilation.
for (const image of images.slice(0, 100)) renderImage(image, { size: 64 });
for (const size of [32, 64]) {
  const subset = images.slice(0, Math.min(500, images.length));
  row(
    `renderImage ${size} px`,
    subset.length,
    time(() => {
      for (const image of subset) renderImage(image, { size });
    }).ms,
  );
}
const renders128 = time(() => images.map((image) => renderImage(image, { size: 128 })));
row('renderImage 128 px', images.length, renders128.ms);

const encodeStart = performance.now();
for (const rendered of renders128.result as RenderedImage[]) await encodeImage(rendered, 'png');
const encodeMs = performance.now() - encodeStart;
row('reference: sharp PNG encode 128 px', images.length, encodeMs);

const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
for (const cells of rows) console.log(cells.map((cell, column) => cell.padEnd(widths[column])).join('  '));
console.log(`\nrender 128 px / PNG encode ratio: ${(renders128.ms / encodeMs).toFixed(2)}`);
console.log(
  `seed-time estimate (render + encode, ${imageCount} images at 128 px): ${((renders128.ms + encodeMs) / 1000).toFixed(1)} s`,
);
