import {
  type Db,
  type DbClient,
  findExistingSha256s,
  findExistingSourceImageIds,
  recordImportProblems,
  writeImportBatch,
} from '@dermino/db';
import type { MappedRow, PreparedImport, RowProblem } from '../sources/types.js';
import type { ImportCounts } from './import-summary.js';
import { type IntakeOptions, intakeRows, toBatchRow } from './intake-rows.js';

export interface RunImportOptions extends IntakeOptions {
  db: Db;
  /** Abort on the first bad row, leaving the registry as it was. */
  strict?: boolean;
  batchSize?: number;
  createdBy?: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: { phase: 'rows' | 'attach'; done: number; total: number }) => void;
}

export interface BatchContext {
  prepared: PreparedImport;
  options: RunImportOptions;
  conceptIds: Map<string, string>;
  runId: string;
  /** Content hashes taken in by this run and not yet committed (a strict import writes only at the end). */
  seenSha256: Set<string>;
}

/** Intake and rows of one batch; the writes go through `db` (a transaction), the reads before it. */
export async function prepareBatch(context: BatchContext, rows: PreparedImport['rows']) {
  const { db } = context.options;
  const problems: RowProblem[] = rows.flatMap((result) => (result.ok ? [] : [result.problem]));
  const mapped: MappedRow[] = rows.flatMap((result) => (result.ok ? [result.row] : []));
  const present = await findExistingSourceImageIds(db, {
    source: context.prepared.source,
    sourceImageIds: mapped.map((row) => row.image.sourceImageId),
  });
  const todo = mapped.filter((row) => !present.has(row.image.sourceImageId));
  const intake = await intakeRows(todo, context.options);
  problems.push(...intake.problems);
  const known = await findExistingSha256s(db, {
    sha256s: intake.rows.flatMap((row) => (row.stored ? [row.stored.sha256] : [])),
  });
  let duplicates = 0;
  for (const { stored } of intake.rows) {
    if (!stored) continue;
    if (known.has(stored.sha256) || context.seenSha256.has(stored.sha256)) duplicates++;
    context.seenSha256.add(stored.sha256);
  }
  const batchRows = intake.rows.map(({ mapped: row, stored }) => toBatchRow(row, stored, context.conceptIds));
  problems.sort((a, b) => a.row - b.row);
  return { problems, batchRows, alreadyPresent: present.size, duplicates };
}

export async function writeBatch(
  db: DbClient,
  context: BatchContext,
  batch: Awaited<ReturnType<typeof prepareBatch>>,
  counts: ImportCounts,
) {
  const written = await writeImportBatch(db, {
    source: context.prepared.source,
    importRunId: context.runId,
    rows: batch.batchRows,
  });
  await recordImportProblems(db, { importRunId: context.runId, problems: batch.problems });
  counts.imported += written.images;
  counts.alreadyPresent += batch.alreadyPresent + (batch.batchRows.length - written.images);
  counts.skipped += batch.problems.length;
  counts.duplicates += batch.duplicates;
  counts.pending += batch.batchRows.filter((row) => row.image.status === 'PENDING').length;
  counts.annotations += written.annotations;
  counts.patients += written.patients;
  counts.cases += written.cases;
}
