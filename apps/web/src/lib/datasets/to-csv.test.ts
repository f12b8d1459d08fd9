import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and leaves plain fields alone', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [3, null],
          ['two\nlines', 'plain'],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n3,\r\n"two\nlines",plain\r\n');
  });

  it('defuses spreadsheet formulas in text but not negative numbers', () => {
    expect(toCsv(['note'], [['=HYPERLINK("x")'], [-2]])).toBe('note\r\n"\'=HYPERLINK(""x"")"\r\n-2\r\n');
  });
});
