import type { JobHandler } from '../worker/job-handler.js';
import { qualityJob } from './quality.js';

export const jobHandlers: JobHandler[] = [qualityJob as JobHandler];
