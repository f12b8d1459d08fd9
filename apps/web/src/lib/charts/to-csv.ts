export interface CsvColumn {
  key: string;
  label: string;
}

export interface CsvRow {
  cells: Record<string, { value: string | number | null }>;
}

/** RFC 4180 CSV of the raw cell values (not what is displayed), CRLF line ends. */
export function toCsv(columns: readonly CsvColumn[], rows: readonly CsvRow[]): string {
  const quote = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => quote(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(row.cells[c.key]?.value ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
