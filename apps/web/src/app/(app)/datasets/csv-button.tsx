'use client';

import { toCsv } from '@/lib/datasets/to-csv';

/** Downloads the table's rows as a CSV file, built in the browser from the same data the table shows. */
export function CsvButton({
  filename,
  header,
  rows,
}: {
  filename: string;
  header: string[];
  rows: (string | number | null)[][];
}) {
  function download() {
    const url = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return (
    <button type="button" className="button button--ghost" onClick={download}>
      Export CSV
    </button>
  );
}
