import { describe, expect, it } from 'vitest';
import { OKABE_ITO } from '@/lib/charts/palette';
import { buildColourGroups, MISSING_COLOUR, OTHER_COLOUR } from './colour-groups';
import { pickModel } from './pick-model';

describe('buildColourGroups', () => {
  it('colours groups largest first, folds the ninth and later into Other, and greys missing values', () => {
    const values = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', null, null];
    const { groups, colourOf } = buildColourGroups(values);
    expect(groups.map((g) => g.key)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      '(other)',
      '(missing)',
    ]);
    expect(groups.find((g) => g.key === '(other)')).toMatchObject({ count: 2, label: 'Other (2 groups)' });
    expect(colourOf('a')).toBe(OKABE_ITO[0]);
    expect(colourOf('j')).toBe(OTHER_COLOUR);
    expect(colourOf(null)).toBe(MISSING_COLOUR);
  });
});

describe('pickModel', () => {
  const models = [
    { id: 'new-classifier', kind: 'CLASSIFIER' as const, aliases: [] },
    { id: 'new-backbone', kind: 'BACKBONE' as const, aliases: [] },
    { id: 'champ', kind: 'CLASSIFIER' as const, aliases: ['champion'] },
  ];
  it('takes the requested model, else the champion, else the newest backbone', () => {
    expect(pickModel(models, 'new-classifier')?.id).toBe('new-classifier');
    expect(pickModel(models, 'unknown')?.id).toBe('champ');
    expect(pickModel(models.slice(0, 2), undefined)?.id).toBe('new-backbone');
    expect(pickModel([], undefined)).toBeNull();
  });
});
