import { describe, expect, it } from 'vitest';
import { formatScore, monthVerdict } from './month-verdict';

describe('monthVerdict', () => {
  it('names each month against the planted change', () => {
    expect(monthVerdict({ drifted: true, alarmed: true })).toBe('Found');
    expect(monthVerdict({ drifted: true, alarmed: false })).toBe('Missed');
    expect(monthVerdict({ drifted: false, alarmed: true })).toBe('False alarm');
    expect(monthVerdict({ drifted: false, alarmed: false })).toBe('Quiet (correct)');
  });

  it('formats an undefined score as a dash', () => {
    expect(formatScore(null)).toBe('–');
    expect(formatScore(2 / 3)).toBe('0.67');
  });
});
