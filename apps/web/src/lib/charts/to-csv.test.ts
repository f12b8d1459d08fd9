import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv';

describe('CSV export of a table', () => {
  it('writes raw values under the column labels, quoting what needs it', () => {
    const columns = [
      { key: 'group', label: 'Group' },
      { key: 'n', label: 'n', numeric: true },
      { key: 'note', label: 'Note, if any' },
    ];
    // Rows as the table holds them: what is displayed is not what is exported.
    const rows = [
      {
        id: 'a',
        cells: {
          group: { value: 'female & II', display: 'shown only' },
          n: { value: 31 },
          note: { value: null },
        },
      },
      {
        id: 'b',
        cells: { group: { value: 'say "hi"' }, n: { value: 0.125 }, note: { value: 'line\nbreak' } },
      },
    ];
    expect(toCsv(columns, rows)).toBe(
      'Group,n,"Note, if any"\r\nfemale & II,31,\r\n"say ""hi""",0.125,"line\nbreak"\r\n',
    );
  });
});
