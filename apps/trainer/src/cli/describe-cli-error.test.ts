import { AppError } from '@dermino/db';
import { describe, expect, it } from 'vitest';
import { describeCliError, takeDebugFlag } from './describe-cli-error.js';

describe('describeCliError', () => {
  it("keeps Prisma's reason (the last line), not its code frame, and says what to check", () => {
    const error = Object.assign(
      new Error(
        "\nInvalid `db.job.findMany()` invocation in\n/x/jobs.ts:51:17\n\n→ 51   return db.job.findMany(\nCan't reach database server at 127.0.0.1:1",
      ),
      { code: 'P1001' },
    );
    expect(describeCliError(error)).toBe(
      "Can't reach database server at 127.0.0.1:1: is the platform running (npm start), and is DATABASE_URL right?",
    );
  });

  it('prints an AppError message as it is, and anything else as text', () => {
    expect(describeCliError(new AppError('BAD_INPUT', { message: 'steps must be > 0' }))).toBe(
      'steps must be > 0',
    );
    expect(describeCliError('plain')).toBe('plain');
  });

  it('takes --debug from anywhere on the command line', () => {
    expect(takeDebugFlag(['node', 'dermino', 'jobs', '--debug', 'list'])).toEqual({
      debug: true,
      argv: ['node', 'dermino', 'jobs', 'list'],
    });
    expect(takeDebugFlag(['node', 'dermino']).debug).toBe(false);
  });
});
