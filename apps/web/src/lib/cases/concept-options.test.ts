import { describe, expect, it } from 'vitest';
import { buildConceptOptions } from './concept-options';

const concept = (id: string, name: string, parent?: string) => ({
  id,
  code: id,
  name,
  parent: parent ? { id: parent } : null,
});

describe('buildConceptOptions', () => {
  it('lists each parent before its children, siblings by name, with depth', () => {
    const options = buildConceptOptions([
      concept('mel', 'Melanoma', 'melanocytic'),
      concept('bcc', 'Basal cell carcinoma', 'keratinocytic'),
      concept('melanocytic', 'Melanocytic'),
      concept('nv', 'Naevus', 'melanocytic'),
      concept('keratinocytic', 'Keratinocytic'),
    ]);
    expect(options.map((option) => `${option.depth}:${option.code}`)).toEqual([
      '0:keratinocytic',
      '1:bcc',
      '0:melanocytic',
      '1:mel',
      '1:nv',
    ]);
  });

  it('treats a concept whose parent is missing as a root and survives cycles', () => {
    const options = buildConceptOptions([
      concept('a', 'A', 'missing'),
      concept('b', 'B', 'c'),
      concept('c', 'C', 'b'),
    ]);
    expect(options.map((option) => `${option.depth}:${option.code}`)).toEqual(['0:a', '0:b', '1:c']);
  });
});
