import type { CsvRow } from '../csv/read-csv.js';
import type { Mapped } from '../mapping/values.js';
import type { RowProblem, RowResult } from './types.js';

/** Collects the first failed field of a row, so mappers read top to bottom. */
export class RowMapper {
  problem: RowProblem | null = null;

  constructor(readonly row: CsvRow) {
    if (row.shapeProblem)
      this.problem = { row: row.line, field: null, reason: `the row ${row.shapeProblem}` };
  }

  take<T>(field: string, mapped: Mapped<T>): T {
    if (!mapped.ok && !this.problem) this.problem = { row: this.row.line, field, reason: mapped.reason };
    return mapped.ok ? mapped.value : (undefined as T);
  }

  fail(field: string | null, reason: string): void {
    this.problem ??= { row: this.row.line, field, reason };
  }

  value(column: string): string {
    return this.row.values[column] ?? '';
  }
}

/** A second row with an id already seen is a problem naming the first row; the first one stays. */
export function refuseDuplicateIds(results: RowResult[], field: string): RowResult[] {
  const firstRow = new Map<string, number>();
  return results.map((result) => {
    if (!result.ok) return result;
    const id = result.row.image.sourceImageId;
    const first = firstRow.get(id);
    if (first === undefined) {
      firstRow.set(id, result.row.row);
      return result;
    }
    return {
      ok: false,
      problem: { row: result.row.row, field, reason: `duplicate ${field} ${id} (first at row ${first})` },
    };
  });
}
