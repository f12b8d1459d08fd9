import { registerGradients } from '@dermino/model';
import { loadEnv } from '../env.js';
import { type SelectedBackend, selectBackend } from './select-backend.js';

/**
 * The backend DERMINO_BACKEND asks for, or the fastest that loads; chosen once per worker process. Gradients are
 * registered here too: tfjs-core has none of its own, and a job that trains only a linear probe builds no ViT
 * (which would register them).
 */
export async function useConfiguredBackend(log?: (message: string) => void): Promise<SelectedBackend> {
  const backend = await selectBackend({ forced: loadEnv().DERMINO_BACKEND, log });
  registerGradients();
  return backend;
}
