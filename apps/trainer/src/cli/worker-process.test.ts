import { describe, expect, it } from 'vitest';
import { jobHandlers } from '../jobs/index.js';
import { WORKERS } from '../launcher/services.js';
import { parseKinds } from './worker-process.js';

describe('dermino worker --kinds', () => {
  it('takes kinds in any case, once each, and all kinds when absent', () => {
    expect(parseKinds('pretrain, FINETUNE,pretrain').map((h) => h.kind)).toEqual(['PRETRAIN', 'FINETUNE']);
    expect(parseKinds(undefined)).toBe(jobHandlers);
  });

  it('names an unknown kind and lists the known ones', () => {
    expect(() => parseKinds('pretrain,trian')).toThrow(
      /unknown job kind "trian"; known: quality, pretrain, finetune/,
    );
    expect(() => parseKinds(' , ')).toThrow(/--kinds is empty/);
  });

  it('the workers of `dermino start` take every job kind, each in one process', () => {
    const kinds = WORKERS.flatMap(([, list]) => parseKinds(list).map((h) => h.kind));
    expect([...kinds].sort()).toEqual(jobHandlers.map((h) => h.kind).sort());
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
