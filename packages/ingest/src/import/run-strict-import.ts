import { AppError, recordImportProblems, updateImportRun } from '@dermino/db';
import type { RowProblem } from '../sources/types.js';
import { type BatchContext, prepareBatch, writeBatch } from './batch.js';
import type { ImportCounts } from './import-summary.js';

/**
 * --strict: every row is mapped and every image taken in before the first write, and all writes share one
 * transaction, so the first bad row aborts with the registry exactly as it was (the failed run itself is kept).
 */
export async function runStrictImport(context: BatchContext, counts: ImportCounts): Promise<void> {
  const { prepared, options, runId } = context;
  const { db } = options;
  const fail = async (problem: RowProblem): Promise<never> => {
    await recordImportProblems(db, { importRunId: runId, problems: [problem] });
    await updateImportRun(db, { id: runId, counts: { ...counts, skipped: 1 }, status: 'FAILED' });
    throw new AppError('BAD_INPUT', {
      message: `Row ${problem.row}${problem.field ? ` (${problem.field})` : ''}: ${problem.reason}. With --strict nothing was imported (run ${runId}).`,
      details: { ...problem, runId },
    });
  };
  const firstBad = prepared.rows.find((result) => !result.ok);
  if (firstBad && !firstBad.ok) await fail(firstBad.problem);
  const batchSize = options.batchSize ?? 1000;
  const batches: Awaited<ReturnType<typeof prepareBatch>>[] = [];
  for (let start = 0; start < prepared.rows.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const end = Math.min(start + batchSize, prepared.rows.length);
    const batch = await prepareBatch(context, prepared.rows.slice(start, end));
    if (batch.problems.length > 0) await fail(batch.problems[0]);
    batches.push(batch);
    options.onProgress?.({ phase: 'rows', done: end, total: prepared.rows.length });
  }
  const next = { ...counts };
  await db.$transaction(
    async (tx) => {
      for (const batch of batches) await writeBatch(tx, context, batch, next);
      await updateImportRun(tx, { id: runId, cursor: prepared.rows.length, counts: { ...next } });
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  Object.assign(counts, next);
}
