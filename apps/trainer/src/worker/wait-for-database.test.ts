import { AppError } from '@dermino/db';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { isDatabaseOutage, whenDatabaseAnswers } from './wait-for-database.js';

function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('isDatabaseOutage', () => {
  it('tells a lost connection from a failure of the job itself', () => {
    expect(isDatabaseOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseOutage(
        new Error("Invalid `prisma.job.update()` invocation:\n\nCan't reach database server at 127.0.0.1:5"),
      ),
    ).toBe(true);
    expect(isDatabaseOutage(new Error('connect ECONNREFUSED 127.0.0.1:5'))).toBe(true);
    expect(isDatabaseOutage(new Error('Dataset version x has 1 readable images'))).toBe(false);
    expect(isDatabaseOutage(new AppError('NOT_FOUND', { message: 'No job with id x.' }))).toBe(false);
  });
});

describe('whenDatabaseAnswers', () => {
  it('tries a write again while the database is away, then records it, logging one line each way', async () => {
    const { logger, lines } = recordingLogger();
    let calls = 0;
    const result = await whenDatabaseAnswers(
      async () => {
        calls++;
        if (calls < 3) throw new Error('connect ECONNREFUSED 127.0.0.1:5');
        return 'written';
      },
      { logger, what: 'its failure' },
    );
    expect(result).toBe('written');
    expect(calls).toBe(3);
    expect(lines.map((l) => l.msg)).toEqual([
      'database unavailable (connect ECONNREFUSED 127.0.0.1:5): waiting for it to record its failure',
      'the database answers again: its failure recorded',
    ]);
  });

  it('does not wait on an error that waiting cannot fix', async () => {
    const { logger } = recordingLogger();
    let calls = 0;
    const missing = new AppError('NOT_FOUND', { message: 'No job with id x.' });
    await expect(
      whenDatabaseAnswers(
        async () => {
          calls++;
          throw missing;
        },
        { logger, what: 'its success' },
      ),
    ).rejects.toBe(missing);
    expect(calls).toBe(1);
  });

  it('gives up with the last error after its time', async () => {
    const { logger } = recordingLogger();
    const down = new Error('Connection terminated unexpectedly');
    await expect(
      whenDatabaseAnswers(
        async () => {
          throw down;
        },
        { logger, what: 'its success', timeoutMs: 300 },
      ),
    ).rejects.toBe(down);
  });
});
