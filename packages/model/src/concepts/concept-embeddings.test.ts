import { describe, expect, it } from 'vitest';
import { cosineSimilarity, deriveConceptEmbeddings, parseConceptEmbeddings } from './concept-embeddings';

const taxonomy = [
  { code: 'malignant' },
  { code: 'benign' },
  { code: 'melanoma', parent: 'malignant' },
  { code: 'bcc', parent: 'malignant' },
  { code: 'scc', parent: 'malignant' },
  { code: 'nevus', parent: 'benign' },
  { code: 'seb-k', parent: 'benign' },
];

describe('concept embeddings', () => {
  it('derived from the taxonomy: siblings start closer than unrelated concepts', () => {
    const { concepts } = deriveConceptEmbeddings(taxonomy, 64);
    const siblings = cosineSimilarity(concepts.melanoma, concepts.bcc);
    const unrelated = cosineSimilarity(concepts.melanoma, concepts.nevus);
    expect(siblings).toBeGreaterThan(0.3);
    expect(Math.abs(unrelated)).toBeLessThan(0.3);
    expect(siblings).toBeGreaterThan(unrelated + 0.25);
    expect(Math.hypot(...concepts.scc)).toBeCloseTo(1, 6);
  });

  it('is deterministic and independent of the order of the taxonomy', () => {
    const a = deriveConceptEmbeddings(taxonomy, 16);
    const b = deriveConceptEmbeddings([...taxonomy].reverse(), 16);
    expect(b.concepts.melanoma).toEqual(a.concepts.melanoma);
  });

  it('rejects unknown parents and cycles by name', () => {
    expect(() => deriveConceptEmbeddings([{ code: 'a', parent: 'zz' }], 4)).toThrow(
      /"a" has unknown parent "zz"/,
    );
    expect(() =>
      deriveConceptEmbeddings(
        [
          { code: 'a', parent: 'b' },
          { code: 'b', parent: 'a' },
        ],
        4,
      ),
    ).toThrow(/cycle/);
  });

  it('parses the file format and names the bad concept', () => {
    const ok = parseConceptEmbeddings({ dim: 2, concepts: { mel: [0.1, 0.2], nev: [1, 0] } });
    expect(Object.keys(ok.concepts)).toEqual(['mel', 'nev']);
    expect(() => parseConceptEmbeddings({ dim: 2, concepts: { mel: [0.1] } })).toThrow(
      /concept "mel" must be an array of 2 numbers, got 1 values/,
    );
    expect(() => parseConceptEmbeddings({ dim: 2, concepts: { mel: [0.1, Number.NaN] } })).toThrow(
      /"mel" has a non-finite value at index 1/,
    );
    expect(() => parseConceptEmbeddings({ dim: 0, concepts: {} })).toThrow(
      /"dim" must be a positive integer/,
    );
  });
});
