import { loadEnv } from '../env.js';
import { type SelectedBackend, selectBackend } from './select-backend.js';

/** The backend DERMINO_BACKEND asks for, or the fastest that loads; chosen once per worker process. */
export function useConfiguredBackend(log?: (message: string) => void): Promise<SelectedBackend> {
  return selectBackend({ forced: loadEnv().DERMINO_BACKEND, log });
}
