import type { Db, JobKind, JobProgress, JobRow } from '@dermino/db';
import type { Logger } from '../logger.js';

export interface JobContext<Payload> {
  job: JobRow;
  payload: Payload;
  db: Db;
  home: string;
  logger: Logger;
  /** Writes progress for the dashboard; throws JobCancelledError once the job was cancelled. */
  progress(progress: JobProgress): Promise<void>;
  log(message: string, level?: 'info' | 'warn' | 'error'): Promise<void>;
}

export interface JobHandler<Payload = unknown> {
  kind: JobKind;
  /** Validates the stored payload; throwing here fails the job at once (a poisoned payload is never retried). */
  parsePayload(raw: unknown): Payload;
  run(context: JobContext<Payload>): Promise<void>;
}

export class JobCancelledError extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} was cancelled.`);
    this.name = 'JobCancelledError';
  }
}
