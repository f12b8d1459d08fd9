import { describe, expect, it } from 'vitest';
import { isNonCommercial } from './licence';

describe('isNonCommercial', () => {
  it('flags Creative Commons NonCommercial licences however they are written', () => {
    for (const licence of [
      'CC-BY-NC-ND-4.0',
      'CC BY-NC-ND 4.0',
      'cc-by-nc-4.0',
      'Non-commercial research only',
    ]) {
      expect(isNonCommercial(licence), licence).toBe(true);
    }
  });

  it('leaves permissive licences and missing ones alone', () => {
    for (const licence of ['Apache-2.0', 'MIT', 'CC-BY-4.0', 'proprietary (hospital)', '', null, undefined]) {
      expect(isNonCommercial(licence), String(licence)).toBe(false);
    }
  });
});
