/** Bad predictions file: says which data row (1 = first row after the header) and column, when known. */
export class PredictionsCsvError extends Error {
  constructor(
    message: string,
    readonly row: number | null,
    readonly column: string | null,
    readonly line: number | null = null,
  ) {
    const where = [
      row !== null ? `row ${row}${line !== null ? ` (line ${line})` : ''}` : null,
      column !== null ? `column "${column}"` : null,
    ]
      .filter(Boolean)
      .join(', ');
    super(where ? `${where}: ${message}` : message);
    this.name = 'PredictionsCsvError';
  }
}
