export { type BackupSummary, readBackupLines, restoreBackup, writeBackup } from './backup-file.js';
export type { BackupLine } from './backup-format.js';
