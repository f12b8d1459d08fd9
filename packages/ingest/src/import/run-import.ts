import { createHash } from 'node:crypto';
import {
  ALL_CONCEPTS,
  AppError,
  createImportRun,
  type Db,
  type DbClient,
  ensureConcepts,
  findExistingSha256s,
  findExistingSourceImageIds,
  findImportProblems,
  findResumableImportRun,
  type ImportRunRecord,
  recordImportProblems,
  updateImportRun,
  writeImportBatch,
} from '@dermino/db';
import type { MappedRow, PreparedImport, RowProblem } from '../sources/types.js';
import { attachPendingImages } from './attach-pending.js';
import { countReasons, emptyCounts, type ImportCounts, type ImportSummary } from './import-summary.js';
import { type IntakeOptions, intakeRows, toBatchRow } from './intake-rows.js';
import { runStrictImport } from './run-strict-import.js';

export interface RunImportOptions extends IntakeOptions {
  db: Db;
  /** Abort on the first bad row, leaving the registry as it was. */
  strict?: boolean;
  batchSize?: number;
  createdBy?: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: { phase: 'rows' | 'attach'; done: number; total: number }) => void;
}

export function sourceKeyOf(prepared: PreparedImport): string {
  const files = prepared.files.map((file) => `${file.role}=${file.sha256 ?? file.path}`).join('|');
  return createHash('sha256').update(`${prepared.kind}|${prepared.source}|${files}`).digest('hex');
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

async function startRun(
  prepared: PreparedImport,
  options: RunImportOptions,
  sourceKey: string,
): Promise<{ run: ImportRunRecord; resumed: boolean }> {
  const resumable = options.strict
    ? null
    : await findResumableImportRun(options.db, { kind: prepared.kind, sourceKey });
  if (resumable) return { run: resumable, resumed: true };
  const sourceFiles = {
    key: sourceKey,
    source: prepared.source,
    strict: Boolean(options.strict),
    files: prepared.files.map((file) => ({ ...file })),
  };
  return {
    run: await createImportRun(options.db, {
      kind: prepared.kind,
      createdBy: options.createdBy,
      sourceFiles,
    }),
    resumed: false,
  };
}

/**
 * Batch k+1 is taken in while batch k is written: intake runs here, the inserts in the database server. Each
 * batch commits with the run's cursor, so a resumed run starts after the last committed batch.
 */
async function runBatches(context: BatchContext, cursor: number, counts: ImportCounts): Promise<void> {
  const { prepared, options, runId } = context;
  const batchSize = options.batchSize ?? 1000;
  let writing: Promise<void> = Promise.resolve();
  for (let start = cursor; start < prepared.rows.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const end = Math.min(start + batchSize, prepared.rows.length);
    const batch = await prepareBatch(context, prepared.rows.slice(start, end));
    await writing;
    options.signal?.throwIfAborted();
    writing = options.db
      .$transaction(
        async (tx) => {
          const next = { ...counts };
          await writeBatch(tx, context, batch, next);
          await updateImportRun(tx, { id: runId, cursor: end, counts: { ...next } });
          return next;
        },
        { timeout: 120_000, maxWait: 60_000 },
      )
      .then((next) => {
        Object.assign(counts, next);
        options.onProgress?.({ phase: 'rows', done: end, total: prepared.rows.length });
      });
    // A failed write must surface even if the next intake is still running.
    writing.catch(() => {});
  }
  await writing;
}

/**
 * Runs an import: batches of rows are taken in and written in one transaction each together with the run's cursor,
 * so an interrupted import resumes at its last committed batch and a finished one, run again, changes nothing.
 */
export async function runImport(prepared: PreparedImport, options: RunImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const { db } = options;
  const conceptIds = await ensureConcepts(db, { concepts: ALL_CONCEPTS });
  const unknownConcept = prepared.rows.find(
    (result) => result.ok && result.row.labels.some((label) => !conceptIds.has(label.conceptCode)),
  );
  if (unknownConcept?.ok)
    throw new AppError('INTERNAL', {
      message: `Row ${unknownConcept.row.row} maps to a concept that does not exist.`,
    });
  const { run, resumed } = await startRun(prepared, options, sourceKeyOf(prepared));
  const context: BatchContext = { prepared, options, conceptIds, runId: run.id, seenSha256: new Set() };
  const counts: ImportCounts = resumed
    ? { ...emptyCounts(), ...(run.counts as Partial<ImportCounts>) }
    : emptyCounts();
  counts.rows = prepared.rows.length;
  if (options.strict) {
    await runStrictImport(context, counts);
  } else {
    await runBatches(context, run.cursor, counts);
  }
  if (prepared.attachFrom) await attachPendingImages(context, counts);
  await updateImportRun(db, { id: run.id, counts: { ...counts }, status: 'COMPLETED' });
  const problems = await findImportProblems(db, { importRunId: run.id });
  return {
    runId: run.id,
    kind: prepared.kind,
    source: prepared.source,
    status: 'COMPLETED',
    resumed,
    counts,
    reasons: countReasons(problems),
    problems: problems.slice(0, 100),
    notes: prepared.notes ?? {},
    seconds: (Date.now() - started) / 1000,
  };
}
