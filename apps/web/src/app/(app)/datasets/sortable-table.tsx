'use client';

import Link from 'next/link';
import { type ReactNode, useState } from 'react';
import { CsvButton } from './csv-button';
import styles from './datasets.module.css';
import { useHydrated } from './use-hydrated';

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
  mono?: boolean;
}

export type Row = Record<string, string | number | null> & { id: string; href?: string | null };

/**
 * A table whose headers sort it (click again to reverse) and whose rows export to CSV as sorted.
 * `badges` puts a rendered cell (a status badge) in place of a column's plain text.
 */
export function SortableTable({
  caption,
  columns,
  rows,
  filename,
  linkColumn,
  badges,
  selectedId,
  testId,
}: {
  caption: string;
  columns: Column[];
  rows: Row[];
  filename: string;
  linkColumn?: string;
  badges?: Record<string, Record<string, ReactNode>>;
  selectedId?: string | null;
  testId?: string;
}) {
  const hydrated = useHydrated();
  const [sort, setSort] = useState<{ key: string; descending: boolean } | null>(null);
  const sorted = sort
    ? [...rows].sort((a, b) => {
        const left = a[sort.key] ?? '';
        const right = b[sort.key] ?? '';
        const order =
          typeof left === 'number' && typeof right === 'number'
            ? left - right
            : String(left).localeCompare(String(right), 'en', { numeric: true });
        return sort.descending ? -order : order;
      })
    : rows;
  const toggle = (key: string) =>
    setSort((current) => ({ key, descending: current?.key === key ? !current.descending : false }));
  return (
    <div className={styles.tableWrap}>
      <div className={styles.tableTools}>
        <CsvButton
          filename={filename}
          header={columns.map((column) => column.label)}
          rows={sorted.map((row) => columns.map((column) => row[column.key] ?? null))}
        />
      </div>
      <table className={styles.table} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? styles.numeric : undefined}
                aria-sort={sort?.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  className={styles.sortButton}
                  disabled={!hydrated}
                  onClick={() => toggle(column.key)}
                >
                  {column.label}
                  <span aria-hidden="true">
                    {sort?.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              key={row.id}
              data-testid="table-row"
              aria-current={row.id === selectedId ? 'true' : undefined}
            >
              {columns.map((column) => {
                const badge = badges?.[row.id]?.[column.key];
                const value = row[column.key];
                const content =
                  badge ??
                  (column.key === linkColumn && row.href ? <Link href={row.href}>{value}</Link> : value);
                return (
                  <td
                    key={column.key}
                    data-column={column.key}
                    className={[column.numeric ? styles.numeric : '', column.mono ? 'mono' : ''].join(' ')}
                  >
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
