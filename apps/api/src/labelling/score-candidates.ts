import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabellingCandidate } from '@dermino/analytics';
import type { LabellingCandidateRow } from '@dermino/db';
import { applyTemperature } from '../inference/fit-temperature.js';
import type { LoadedModel } from '../inference/load-model.js';

export interface ScoredCandidate extends LabellingCandidate {
  row: LabellingCandidateRow;
  suggestion: { code: string; probability: number }[];
}

const SUGGESTIONS = 9;

/**
 * The champion's probabilities and embedding for each candidate, through its onnxruntime session (one batched
 * call). A candidate whose working copy is missing from the image store is left out.
 */
export async function scoreCandidates(
  home: string,
  loaded: LoadedModel | null,
  rows: LabellingCandidateRow[],
): Promise<ScoredCandidate[]> {
  if (!loaded) return rows.map((row) => ({ id: row.imageId, row, suggestion: [] }));
  const root = path.resolve(home, 'images');
  const read = await Promise.all(
    rows.map(async (row) => {
      const file = path.resolve(root, row.storageKey, 'working.webp');
      if (!file.startsWith(root + path.sep)) return null;
      return readFile(file).then(
        (bytes) => ({ row, bytes }),
        () => null,
      );
    }),
  );
  const present = read.filter((entry) => entry !== null);
  if (present.length === 0) return [];
  const outputs = await loaded.session.predict(present.map((entry) => entry.bytes));
  const names = loaded.session.metadata.classNames;
  return present.map(({ row }, index) => {
    const output = outputs[index];
    const probabilities = output.probabilities
      ? applyTemperature(output.probabilities, loaded.temperature)
      : null;
    const suggestion = (probabilities ?? [])
      .map((probability, k) => ({ code: names[k] ?? String(k), probability }))
      .sort((a, b) => b.probability - a.probability)
      .slice(0, SUGGESTIONS);
    const firstRead = row.firstReadCode ? names.indexOf(row.firstReadCode) : -1;
    return {
      id: row.imageId,
      row,
      probabilities,
      embedding: output.embedding ?? null,
      firstReadClass: firstRead >= 0 ? firstRead : null,
      suggestion,
    };
  });
}
