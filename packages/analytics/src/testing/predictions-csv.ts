import type { SyntheticPredictions } from './synthetic-predictions.js';

/** Writes predictions in the DermFM-Zero harness layout: true_label, probability_class_<k>..., attributes. */
export function formatPredictionsCsv(data: SyntheticPredictions, numClasses: number, digits = 6): string {
  const attributeNames = Object.keys(data.attributes);
  const header = [
    'image_id',
    'true_label',
    ...Array.from({ length: numClasses }, (_, k) => `probability_class_${k}`),
    ...attributeNames,
  ];
  const lines = [header.join(',')];
  for (let i = 0; i < data.labels.length; i++) {
    const rounded = Array.from({ length: numClasses }, (_, k) =>
      Number(data.probabilities[i * numClasses + k].toFixed(digits)),
    );
    // Put the rounding residue on the largest entry so the row still sums to 1 within 1e-3.
    const largest = rounded.indexOf(Math.max(...rounded));
    rounded[largest] = Number((rounded[largest] + 1 - rounded.reduce((a, b) => a + b, 0)).toFixed(digits));
    lines.push(
      [`img_${i}`, data.labels[i], ...rounded, ...attributeNames.map((a) => data.attributes[a][i])].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
