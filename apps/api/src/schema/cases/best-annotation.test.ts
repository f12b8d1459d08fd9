import { describe, expect, it } from 'vitest';
import { pickBestAnnotation } from './best-annotation.js';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('pickBestAnnotation', () => {
  it('is null without annotations', () => {
    expect(pickBestAnnotation([])).toBeNull();
  });

  it('prefers histopathology over a newer single reader and a model', () => {
    const best = pickBestAnnotation([
      { id: 'model', confirmation: 'MODEL' as const, createdAt: at(9) },
      { id: 'histo', confirmation: 'HISTOPATHOLOGY' as const, createdAt: at(1) },
      { id: 'reader', confirmation: 'SINGLE_READER' as const, createdAt: at(5) },
    ]);
    expect(best?.id).toBe('histo');
  });

  it('takes the newest among equally confirmed ones', () => {
    const best = pickBestAnnotation([
      { id: 'old', confirmation: 'CONSENSUS' as const, createdAt: at(1) },
      { id: 'new', confirmation: 'CONSENSUS' as const, createdAt: at(2) },
      { id: 'follow', confirmation: 'FOLLOW_UP' as const, createdAt: at(3) },
    ]);
    expect(best?.id).toBe('new');
  });
});
