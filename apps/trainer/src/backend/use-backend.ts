import { registerGradients } from '@dermino/model';
import { loadEnv } from '../env.js';
import { BACKEND_ORDER, type BackendChoice, type SelectedBackend, selectBackend } from './select-backend.js';

let commandLineChoice: BackendChoice | undefined;

/** `--backend <name>` of `dermino pretrain` / `dermino worker`: validated, then preferred to DERMINO_BACKEND. */
export function useBackendOption(value: string | undefined): BackendChoice | undefined {
  if (value === undefined) return undefined;
  if (!(BACKEND_ORDER as readonly string[]).includes(value))
    throw new Error(`--backend must be one of ${BACKEND_ORDER.join(', ')}, got "${value}"`);
  commandLineChoice = value as BackendChoice;
  return commandLineChoice;
}

/**
 * The backend `--backend` or DERMINO_BACKEND asks for, or the fastest that loads; chosen once per worker process.
 * Gradients are registered here too: tfjs-core has none of its own, and a job that trains only a linear probe
 * builds no ViT (which would register them).
 */
export async function useConfiguredBackend(log?: (message: string) => void): Promise<SelectedBackend> {
  const askedBy = commandLineChoice ? `--backend ${commandLineChoice}` : undefined;
  const backend = await selectBackend({
    forced: commandLineChoice ?? loadEnv().DERMINO_BACKEND,
    askedBy,
    log,
  });
  registerGradients();
  return backend;
}
