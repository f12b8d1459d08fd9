import { createHash } from 'node:crypto';
import {
  ALL_CONCEPTS,
  AppError,
  createImportRun,
  ensureConcepts,
  findImportProblems,
  findResumableImportRun,
  type ImportRunRecord,
  refreshStatistics,
  updateImportRun,
} from '@dermino/db';
import type { PreparedImport } from '../sources/types.js';
import { attachPendingImages } from './attach-pending.js';
import { type BatchContext, prepareBatch, type RunImportOptions, writeBatch } from './batch.js';
import { countReasons, emptyCounts, type ImportCounts, type ImportSummary } from './import-summary.js';
import { runStrictImport } from './run-strict-import.js';

export type { RunImportOptions } from './batch.js';

export function sourceKeyOf(prepared: PreparedImport): string {
  const files = prepared.files.map((file) => `${file.role}=${file.sha256 ?? file.path}`).join('|');
  return createHash('sha256').update(`${prepared.kind}|${prepared.source}|${files}`).digest('hex');
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
  await refreshStatistics(db);
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
