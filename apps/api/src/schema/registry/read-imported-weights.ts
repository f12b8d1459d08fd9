import type { ImportedWeights } from '../../generated/resolvers-types.js';

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);

/** The provenance JSON an import stored, as the ImportedWeights type; null when the model was not imported. */
export function readImportedWeights(provenance: unknown): ImportedWeights | null {
  if (typeof provenance !== 'object' || provenance === null) return null;
  const record = provenance as Record<string, unknown>;
  const fileName = text(record.fileName);
  const sha256 = text(record.sha256);
  const format = text(record.format);
  const architecture = text(record.architecture);
  if (!fileName || !sha256 || !format || !architecture) return null;
  return { fileName, sha256, format, architecture, taken: text(record.taken) };
}
