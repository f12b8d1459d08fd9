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
  /**
   * Runs `wait` (a wait for other jobs) without this worker's slot for the job's kind, so another job of the kind
   * can work meanwhile, and takes the slot back before returning (see KindSlot).
   */
  outsideSlot<T>(wait: () => Promise<T>): Promise<T>;
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
