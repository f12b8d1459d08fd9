import { describe, expect, it } from 'vitest';
import { wantsPrettyLogs } from './logger.js';

describe('wantsPrettyLogs', () => {
  it('writes JSON lines unless in development on a terminal, and LOG_FORMAT decides when set', () => {
    expect(wantsPrettyLogs({ nodeEnv: 'development', isTTY: true })).toBe(true);
    expect(wantsPrettyLogs({ nodeEnv: 'development', isTTY: false })).toBe(false);
    expect(wantsPrettyLogs({ nodeEnv: 'production', isTTY: true })).toBe(false);
    expect(wantsPrettyLogs({ format: 'json', nodeEnv: 'development', isTTY: true })).toBe(false);
    expect(wantsPrettyLogs({ format: 'pretty', nodeEnv: 'production', isTTY: false })).toBe(true);
  });
});
