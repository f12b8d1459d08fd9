/** A backup is gzip'd JSON lines: a header, one line per table row, one line per data-folder file, an end line. */
export const BACKUP_FORMAT = 'dermino-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Applied migrations of the source database: a restore needs exactly these. */
  migrations: string[];
  /** Tables in insertion order (parents before children). */
  tables: string[];
}

export interface BackupRowLine {
  table: string;
  row: Record<string, unknown>;
}

export interface BackupFileLine {
  /** Relative to the data folder, with forward slashes. */
  file: string;
  sha256: string;
  base64: string;
}

export interface BackupEnd {
  end: true;
  rows: Record<string, number>;
  files: number;
}

export type BackupLine = BackupHeader | BackupRowLine | BackupFileLine | BackupEnd;
