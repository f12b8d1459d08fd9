import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** hash (sha256 hex of the text, as APQ computes it) -> operation text. */
export type PersistedManifest = ReadonlyMap<string, string>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads the web app's operation manifest (codegen's persisted-documents.json: `{ "<sha256 hex>": "<text>" }`).
 * Every entry is checked against its hash, so an edited or corrupted file fails at start, naming the entry.
 */
export function readPersistedManifest(file: string): PersistedManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The persisted operations manifest ${file} cannot be read: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `The persisted operations manifest ${file} must be a JSON object of sha256 hash -> operation`,
    );
  }
  const manifest = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed)) {
    if (typeof text !== 'string' || sha256Hex(text) !== hash) {
      throw new Error(
        `The persisted operations manifest ${file}: entry ${hash} is not the sha256 of its operation`,
      );
    }
    manifest.set(hash, text);
  }
  return manifest;
}
