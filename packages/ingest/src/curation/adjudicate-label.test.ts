import { describe, expect, it } from 'vitest';
import { adjudicateLabel, type LabelVote } from './adjudicate-label.js';

const vote = (
  conceptCode: string,
  confirmation: LabelVote['confirmation'],
  annotator: string,
): LabelVote => ({
  conceptId: `id-${conceptCode}`,
  conceptCode,
  confirmation,
  annotator,
});

describe('adjudicateLabel', () => {
  it('lets histopathology overrule any number of readers', () => {
    const result = adjudicateLabel([
      vote('nv', 'SINGLE_READER', 'a'),
      vote('nv', 'SINGLE_READER', 'b'),
      vote('mel', 'HISTOPATHOLOGY', 'lab'),
    ]);
    expect(result).toMatchObject({ conceptCode: 'mel', basis: 'HISTOPATHOLOGY', tie: false });
  });

  it('lets consensus overrule readers, and follow-up come after consensus', () => {
    expect(
      adjudicateLabel([vote('bkl', 'SINGLE_READER', 'a'), vote('bcc', 'CONSENSUS', 'board')]).conceptCode,
    ).toBe('bcc');
    expect(
      adjudicateLabel([vote('nv', 'FOLLOW_UP', 'clinic'), vote('bcc', 'CONSENSUS', 'board')]).conceptCode,
    ).toBe('bcc');
  });

  it('takes the majority of readers', () => {
    const result = adjudicateLabel([
      vote('nv', 'SINGLE_READER', 'a'),
      vote('mel', 'SINGLE_READER', 'b'),
      vote('nv', 'SINGLE_READER', 'c'),
    ]);
    expect(result).toMatchObject({ conceptCode: 'nv', basis: 'SINGLE_READER', tie: false });
  });

  it('flags a tie instead of choosing', () => {
    const result = adjudicateLabel([vote('nv', 'SINGLE_READER', 'a'), vote('mel', 'SINGLE_READER', 'b')]);
    expect(result).toEqual({
      conceptId: null,
      conceptCode: null,
      basis: 'SINGLE_READER',
      tie: true,
      candidates: ['mel', 'nv'],
    });
  });

  it('counts one vote per annotator and ignores model predictions', () => {
    const result = adjudicateLabel([
      vote('mel', 'SINGLE_READER', 'a'),
      vote('mel', 'SINGLE_READER', 'a'),
      vote('nv', 'SINGLE_READER', 'b'),
      vote('nv', 'MODEL', 'model-v1'),
    ]);
    expect(result.tie).toBe(true);
    expect(adjudicateLabel([vote('nv', 'MODEL', 'model-v1')])).toMatchObject({
      conceptId: null,
      tie: false,
      basis: null,
    });
  });
});
