'use client';

import { type ReactNode, useMemo, useState } from 'react';
import { toCsv } from '@/lib/charts/to-csv';
import styles from './charts.module.css';

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
}

/** A cell's raw value sorts and goes to the CSV; `display` (any server-rendered node) is what is shown. */
export interface Cell {
  value: string | number | null;
  display?: ReactNode;
}

export interface Row {
  id: string;
  cells: Record<string, Cell>;
  muted?: boolean;
  testId?: string;
}

interface DataTableProps {
  caption: string;
  columns: readonly Column[];
  rows: readonly Row[];
  /** File name of the CSV download, without extension. */
  exportName: string;
  testId?: string;
}

/** Sortable by any column (click its header), exportable to CSV with the raw values. */
export function DataTable({ caption, columns, rows, exportName, testId }: DataTableProps) {
  const [sort, setSort] = useState<{ key: string; descending: boolean } | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const factor = sort.descending ? -1 : 1;
    return [...rows].sort(
      (a, b) => factor * compareValues(a.cells[sort.key]?.value ?? null, b.cells[sort.key]?.value ?? null),
    );
  }, [rows, sort]);
  const download = () => {
    const blob = new Blob([toCsv(columns, sorted)], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${exportName}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <div data-testid={testId}>
      <div className={styles.tableBar}>
        <span className={styles.caption}>{caption}</span>
        <button type="button" className="button button--ghost" onClick={download}>
          Export CSV
        </button>
      </div>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = sort?.key === column.key;
                return (
                  <th
                    key={column.key}
                    className={column.numeric ? styles.numeric : undefined}
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="button"
                      className={styles.sortButton}
                      onClick={() =>
                        setSort({ key: column.key, descending: active ? !sort.descending : false })
                      }
                    >
                      {column.label}
                      {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr
                key={row.id}
                className={row.muted ? styles.mutedRow : undefined}
                data-testid={row.testId}
                data-muted={row.muted ? 'true' : undefined}
              >
                {columns.map((column) => {
                  const cell = row.cells[column.key];
                  return (
                    <td key={column.key} className={column.numeric ? styles.numeric : undefined}>
                      {cell?.display ?? cell?.value ?? '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

// Missing values sort last whichever the direction.
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}
