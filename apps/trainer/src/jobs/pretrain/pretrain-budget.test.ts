import { describe, expect, it } from 'vitest';
import { parseDuration } from './pretrain-budget.js';

describe('parseDuration', () => {
  it('reads hours, minutes, seconds and plain seconds', () => {
    expect(parseDuration('8h')).toBe(8 * 3600);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('90m')).toBe(5400);
    expect(parseDuration('300s')).toBe(300);
    expect(parseDuration('45')).toBe(45);
  });

  it('names the flag and the bad value', () => {
    expect(() => parseDuration('8 hours')).toThrow(
      '--budget must be a duration such as 8h, 90m, 1h30m or 300s, got "8 hours"',
    );
    expect(() => parseDuration('0h')).toThrow(/got "0h"/);
    expect(() => parseDuration('')).toThrow(/got ""/);
  });
});
