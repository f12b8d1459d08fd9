import type { JobHandler } from '../worker/job-handler.js';
import { auditJob } from './audit/audit-job.js';
import { driftJob } from './drift/drift-job.js';
import { embedJob } from './embed/embed-job.js';
import { evaluateJob } from './evaluate/evaluate-job.js';
import { finetuneJob } from './finetune/finetune-job.js';
import { pretrainJob } from './pretrain/pretrain-job.js';
import { qualityJob } from './quality.js';

export const jobHandlers: JobHandler[] = [
  qualityJob as JobHandler,
  pretrainJob as JobHandler,
  finetuneJob as JobHandler,
  evaluateJob as JobHandler,
  embedJob as JobHandler,
  driftJob as JobHandler,
  auditJob as JobHandler,
];
