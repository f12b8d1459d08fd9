import {
  type CompositionCellRecord,
  type ConceptRecord,
  type DbClient,
  findConceptsByIds,
  findDatasetVersionCompositions,
  findJobLogs,
  findJobModelMetrics,
  type JobLogRecord,
} from '@dermino/db';
import DataLoader from 'dataloader';

export interface Loaders {
  /** Concepts by id: DiagnosisConcept.parent for a whole page in one query. */
  conceptById: DataLoader<string, ConceptRecord | null>;
  /** Composition cells by dataset version id: every version of a page in one GROUP BY. */
  compositionByVersionId: DataLoader<string, CompositionCellRecord[]>;
  /** The last N log lines by `${last}:${jobId}`: one query per distinct N for a page of jobs. */
  jobLogs: DataLoader<string, JobLogRecord[]>;
  /** Metrics of the model a job registered (null if none), by job id. */
  jobModelMetrics: DataLoader<string, unknown>;
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export function createLoaders(db: DbClient): Loaders {
  return {
    conceptById: new DataLoader(async (ids) => {
      const concepts = await findConceptsByIds(db, { ids });
      const byId = new Map(concepts.map((concept) => [concept.id, concept]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    compositionByVersionId: new DataLoader(async (ids) => {
      const cells = groupBy(
        await findDatasetVersionCompositions(db, { datasetVersionIds: ids }),
        (c) => c.datasetVersionId,
      );
      return ids.map((id) => cells.get(id) ?? []);
    }),
    jobLogs: new DataLoader(async (keys) => {
      const byLast = groupBy(keys, (key) => key.slice(0, key.indexOf(':')));
      const found = new Map<string, JobLogRecord[]>();
      for (const [last, group] of byLast) {
        const jobIds = group.map((key) => key.slice(key.indexOf(':') + 1));
        const logs = groupBy(await findJobLogs(db, { jobIds, last: Number(last) }), (log) => log.jobId);
        for (const [jobId, lines] of logs) found.set(`${last}:${jobId}`, lines);
      }
      return keys.map((key) => found.get(key) ?? []);
    }),
    jobModelMetrics: new DataLoader(async (jobIds) => {
      const byJob = new Map(
        (await findJobModelMetrics(db, { jobIds })).map((row) => [row.jobId, row.metrics]),
      );
      return jobIds.map((jobId) => byJob.get(jobId) ?? null);
    }),
  };
}
