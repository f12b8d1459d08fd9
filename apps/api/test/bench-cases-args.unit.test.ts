import { describe, expect, it } from 'vitest';
import { parseCasesArgs } from '../bench/cases-args.js';

describe('bench:cases arguments', () => {
  it('defaults to both databases, 16 and 64 clients, 1 and 2 processes, 15 s, rows', () => {
    expect(parseCasesArgs([])).toEqual({
      json: false,
      databases: ['pglite', 'postgres'],
      clients: [16, 64],
      processes: [1, 2],
      seconds: 15,
    });
  });

  it('reads every option', () => {
    expect(
      parseCasesArgs([
        '--json',
        '--database',
        'postgres',
        '--clients',
        '8,64',
        '--processes',
        '2',
        '--seconds',
        '6',
      ]),
    ).toEqual({ json: true, databases: ['postgres'], clients: [8, 64], processes: [2], seconds: 6 });
    expect(parseCasesArgs(['--database', 'both']).databases).toEqual(['pglite', 'postgres']);
    expect(parseCasesArgs(['--database', 'pglite']).processes).toEqual([1, 2]); // 2 is skipped on PGlite
  });

  it.each([
    [['--clients', '0'], "--clients takes whole numbers from 1 to 1000, comma-separated: not '0'"],
    [['--clients', '16,x'], "--clients takes whole numbers from 1 to 1000, comma-separated: not 'x'"],
    [['--clients', '1.5'], "--clients takes whole numbers from 1 to 1000, comma-separated: not '1.5'"],
    [['--database', 'mysql'], "--database takes pglite, postgres or both: not 'mysql'"],
    [['--seconds', '1'], "--seconds takes a number of seconds from 3 to 600: not '1'"],
    [['--processes', '0'], "--processes takes whole numbers from 1 to 16, comma-separated: not '0'"],
    [
      ['--database', 'pglite', '--processes', '2'],
      '--processes above 1 needs --database postgres or both: the embedded database serves one session',
    ],
  ])('refuses %j with one line naming it', (argv, message) => {
    expect(() => parseCasesArgs(argv)).toThrow(message);
    try {
      parseCasesArgs(argv);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('refuses an unknown argument or a missing value, with the usage', () => {
    expect(() => parseCasesArgs(['--rounds', '3'])).toThrow(
      /^unknown argument '--rounds'; usage: bench:cases/,
    );
    expect(() => parseCasesArgs(['--clients'])).toThrow(/^--clients needs a value; usage:/);
    expect(() => parseCasesArgs(['--clients', '--json'])).toThrow(/^--clients needs a value; usage:/);
  });
});
