import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.js';

const valid = {
  DATABASE_URL: 'postgresql://postgres:postgres@127.0.0.1:5432/dermino',
  DERMINO_SESSION_SECRET: 'x'.repeat(32),
};

describe('parseEnv', () => {
  it('applies the defaults of the contract', () => {
    const result = parseEnv(valid);
    expect(result.ok && result.env).toMatchObject({
      API_PORT: 4000,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    });
  });

  it('names every wrong variable at once', () => {
    const result = parseEnv({
      DATABASE_URL: 'mysql://x',
      DERMINO_SESSION_SECRET: 'short',
      API_PORT: 'eighty',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must start with postgresql:\/\//);
    expect(problems.join('\n')).toMatch(/DERMINO_SESSION_SECRET must be at least 32 characters/);
    expect(problems.join('\n')).toMatch(/API_PORT/);
  });

  it('reads the labelling second-read share (default 10%) and refuses one outside [0, 1]', () => {
    const defaults = parseEnv(valid);
    expect(defaults.ok && defaults.env.LABELLING_SECOND_READ_SHARE).toBe(0.1);
    const set = parseEnv({ ...valid, LABELLING_SECOND_READ_SHARE: '0.25' });
    expect(set.ok && set.env.LABELLING_SECOND_READ_SHARE).toBe(0.25);
    const wrong = parseEnv({ ...valid, LABELLING_SECOND_READ_SHARE: '1.5' });
    expect(wrong.ok ? [] : wrong.problems).toEqual([
      'LABELLING_SECOND_READ_SHARE must be a number from 0 to 1 (the share of first reads that get a second reader)',
    ]);
  });

  it('reads how many labels start a retraining (default 100, 0 turns it off) and refuses a fraction', () => {
    const defaults = parseEnv(valid);
    expect(defaults.ok && defaults.env.LABELLING_RETRAIN_EVERY).toBe(100);
    const off = parseEnv({ ...valid, LABELLING_RETRAIN_EVERY: '0' });
    expect(off.ok && off.env.LABELLING_RETRAIN_EVERY).toBe(0);
    const wrong = parseEnv({ ...valid, LABELLING_RETRAIN_EVERY: '2.5' });
    expect(wrong.ok ? [] : wrong.problems).toEqual([
      'LABELLING_RETRAIN_EVERY must be a whole number of labels, 0 or more (0 turns the retraining loop off)',
    ]);
  });

  it('says which required variables are missing', () => {
    const result = parseEnv({});
    const problems = result.ok ? [] : result.problems;
    expect(problems.some((p) => p.startsWith('DATABASE_URL is required'))).toBe(true);
    expect(problems.some((p) => p.startsWith('DERMINO_SESSION_SECRET is required'))).toBe(true);
  });
});
